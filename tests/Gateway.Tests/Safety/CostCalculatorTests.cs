using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Safety;

/// <summary>
/// The cost calculator on the storefront's screens, against costs computed by hand from the printed directives
/// (query and mutation root fields weigh 10, objects 1, leaves 0; lists and connections multiply by first/last or their assumed size;
/// a connection's size applies to edges/nodes). Asked with <c>GraphQL-Cost: validate</c>, so nothing executes.
/// </summary>
public sealed class CostCalculatorTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    public static TheoryData<string, object, double, double> Screens => new()
    {
        // node 10 + category 1 + parent 1 + rating 1 + availability 1 + warehouses (1 + 10 x warehouse 1) + delivery (1 + carrier 1)
        // + reviews(first: 5) (1 + pageInfo 1 + nodes (1 + 5 x author 1)) + related(first: 4) (1 + 4 x rating 1) = 40;
        // objects: node, category, parent, rating, availability 5 + warehouses 10 + warehouse 10 + delivery, carrier 2
        // + reviews, pageInfo 2 + 5 nodes + 5 authors + 4 related + 4 ratings = 47
        { "ProductPage", new { id = "UHJvZHVjdDox" }, 40, 47 },
        // category 10 + children (1 + 10 x 0) + products 10 + pageInfo 1
        // + edges (1 + 20 x (node 1 + rating 1 + availability 1 + delivery 1 + carrier 1)) = 123;
        // objects: category 1 + children 10 + products 1 + pageInfo 1 + 20 edges x 6 objects = 133
        { "CatalogPage", new { slug = "headphones", maxPrice = 100 }, 123, 133 },
        // categories (10 + 10 x children 1) + newArrivals (10 + nodes 1) + budgetPicks (10 + nodes (1 + 8 x rating 1)) = 50;
        // objects: 10 categories + 100 children + 1 + 8 + 1 + 8 + 8 = 136
        { "HomePage", new { }, 50, 136 },
        // viewer 10 + orders (1 + nodes (1 + 10 x lines (1 + 10 x (product 1 + category 1))))
        // + reviews(first: 3) (1 + nodes (1 + 3 x product 1)) = 227;
        // objects: viewer 1 + orders 1 + 10 orders + 100 lines + 100 products + 100 categories + reviews 1 + 3 + 3 = 319
        { "OrderHistory", new { }, 227, 319 },
        // addReview 10 (a mutation) + review (1 + author 1 + product (1 + rating 1)) + errors (1 + 10 x 0) = 15;
        // objects: 1 + 1 + 1 + 1 + 1 + 10 errors (@listSize(assumedSize: 10)) = 15
        { "AddReview", new { productId = "UHJvZHVjdDox", rating = 5, title = "t" }, 15, 15 },
        // placeOrder 10 + order (1 + lines (1 + 10 x product 1)) + errors 1 = 23; objects: 1 + 1 + 10 + 10 + 10 = 32
        { "PlaceOrder", new { lines = Array.Empty<object>() }, 23, 32 },
        // onReviewAdded 1 (a subscription field has no @cost: an object's 1) + author 1 + product (1 + rating 1) = 4;
        // objects: review, author, product, rating = 4
        { "OnReviewAdded", new { productId = "UHJvZHVjdDox" }, 4, 4 },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Each_screen_costs_what_its_directives_say_and_fits_the_budget_with_room(string screen, object variables, double fieldCost, double typeCost)
    {
        var (status, result) = await PostAsync(GraphQLHttp.Screen(screen), variables, "validate");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(result["data"]);
        Assert.Null(result["errors"]);
        Assert.Equal(fieldCost, (double)result["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(typeCost, (double)result["extensions"]!["operationCost"]!["typeCost"]!);
        Assert.True(fieldCost * 4 <= 1_000 && typeCost * 4 <= 10_000, "a screen must leave three quarters of the budget");
    }

    [Fact]
    public async Task Report_executes_and_adds_the_cost()
    {
        var (status, result) = await PostAsync("{ products(first: 3) { nodes { id rating { count } } } }", null, "report");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, result["data"]!["products"]!["nodes"]!.AsArray().Count);
        // products 10 + nodes (1 + 3 x rating 1) = 14; objects 1 + 3 + 3 = 7
        Assert.Equal(14, (double)result["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(7, (double)result["extensions"]!["operationCost"]!["typeCost"]!);
    }

    [Fact]
    public async Task Without_the_header_no_cost_is_reported()
    {
        var (_, result) = await PostAsync("{ products(first: 3) { nodes { id } } }", null, null);

        Assert.Null(result["extensions"]);
    }

    [Fact]
    public async Task Variables_slice_the_list_and_skip_removes_a_branch()
    {
        const string query = "query($n: Int, $skip: Boolean!) { products(first: $n) { nodes { related(first: 5) @skip(if: $skip) { id } } } }";

        var (_, twenty) = await PostAsync(query, new { n = 20, skip = false }, "validate");
        var (_, skipped) = await PostAsync(query, new { n = 20, skip = true }, "validate");

        // products 10 + nodes (1 + 20 x related 1) = 31; skipped: 10 + 1 = 11
        Assert.Equal(31, (double)twenty["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(11, (double)skipped["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Fact]
    public async Task An_operation_over_the_budget_is_refused_with_the_limit_and_its_cost()
    {
        var (status, result) = await PostAsync("{ products(first: 100) { nodes { reviews(first: 100) { nodes { author { id } } } } } }", null, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(result["data"]);
        var extensions = result["errors"]![0]!["extensions"]!;
        Assert.Equal("MAX_FIELD_COST_EXCEEDED", (string?)extensions["code"]);
        Assert.Equal(1_000, (double)extensions["limit"]!);
        // products 10 + nodes (1 + 100 x reviews (1 + nodes (1 + 100 x author 1))) = 10,211
        Assert.Equal(10_211, (double)extensions["fieldCost"]!);
    }

    [Fact]
    public async Task A_batch_counts_against_the_budget_as_a_whole()
    {
        // 511 each: products 10 + nodes (1 + 100 x (category 1 + parent 1 + rating 1 + availability 1 + related 1))
        const string query = "{ products(first: 100, where: { id: { eq: \"UHJvZHVjdDox\" } }) { nodes { category { parent { id } } rating { count } availability { inStock } related(first: 1) { id } } } }";
        using var response = await gateway.CreateClient().PostAsJsonAsync("/graphql", new[] { new { query }, new { query } });
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.NotNull(results[0]!["data"]);
        Assert.Null(results[0]!["errors"]);
        Assert.Equal("MAX_FIELD_COST_EXCEEDED", (string?)results[1]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(1_022, (double)results[1]!["errors"]![0]!["extensions"]!["fieldCost"]!);
    }

    private async Task<(HttpStatusCode Status, JsonObject Result)> PostAsync(string query, object? variables, string? costHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (costHeader is not null)
        {
            request.Headers.Add("GraphQL-Cost", costHeader);
        }

        using var response = await gateway.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
