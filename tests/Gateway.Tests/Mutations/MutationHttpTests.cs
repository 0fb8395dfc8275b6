using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Sales;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Mutations;

/// <summary>The mutations through the real endpoint (POST /graphql), with tokens from the gateway's own issuer.</summary>
public class MutationHttpTests(MutationStore store) : IClassFixture<MutationStore>
{
    private readonly HttpClient _client = store.CreateClient();

    private string TokenFor(int customerId, bool admin = false) => store.Get<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    private static string ProductId(int id) => GlobalId.Encode("Product", id);

    private static string OrderId(int id) => GlobalId.Encode("Order", id);

    private const string PlaceOrder = """
        mutation PlaceOrder($lines: [OrderLineInput!]!) {
          placeOrder(input: { lines: $lines }) {
            order { id status total itemCount lines { quantity unitPrice product { id } } }
            errors { __typename ... on Error { message } ... on OutOfStockError { productId available requested }
                     ... on InvalidQuantityError { productId quantity } ... on ProductNotFoundError { productId }
                     ... on ValidationError { field } }
          }
        }
        """;

    private const string CancelOrder = """
        mutation($id: ID!) { cancelOrder(input: { orderId: $id }) {
          order { id status } errors { __typename ... on Error { message } ... on InvalidOrderStatusError { status } } } }
        """;

    private const string UpdateStatus = """
        mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(input: { orderId: $id, status: $status }) {
          order { id status } errors { __typename ... on Error { message } ... on InvalidOrderStatusError { status } } } }
        """;

    private async Task<int> UnreviewedProductAsync(int customerId)
    {
        await using var db = await store.DbAsync();
        return await db.Products.Where(p => !db.Reviews.Any(r => r.ProductId == p.Id && r.AuthorId == customerId)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    [StoreFact]
    public async Task The_add_review_screen_adds_a_review_projected_through_the_engine()
    {
        var productId = await UnreviewedProductAsync(41);
        var variables = new { productId = ProductId(productId), rating = 5, title = " Lovely ", body = "Would buy again." };

        var data = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"), variables, TokenFor(41));

        var payload = data["addReview"]!;
        Assert.Null(payload["errors"]);
        var review = payload["review"]!;
        Assert.Equal("Lovely", (string?)review["title"]);
        Assert.Equal(5, (int)review["rating"]!);
        Assert.Equal(GlobalId.Encode("Customer", 41), (string?)review["author"]!["id"]);
        Assert.Equal(ProductId(productId), (string?)review["product"]!["id"]);
        Assert.True((int)review["product"]!["rating"]!["count"]! >= 1);
    }

    [StoreFact]
    public async Task A_duplicate_review_is_a_payload_error_not_a_field_error()
    {
        var productId = await UnreviewedProductAsync(42);
        var variables = new { productId = ProductId(productId), rating = 4, title = "Once", body = (string?)null };
        await _client.QueryAsync(GraphQLHttp.Screen("AddReview"), variables, TokenFor(42));

        var data = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"), variables, TokenFor(42));

        Assert.Null(data["addReview"]!["review"]);
        var error = data["addReview"]!["errors"]![0]!;
        Assert.Equal("DuplicateReviewError", (string?)error["__typename"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    [StoreTheory]
    [InlineData(0, "Fine", "ValidationError")]
    [InlineData(3, "", "ValidationError")]
    public async Task Invalid_reviews_are_validation_errors(int rating, string title, string typename)
    {
        var productId = await UnreviewedProductAsync(43);
        var data = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = ProductId(productId), rating, title, body = (string?)null }, TokenFor(43));
        Assert.Equal(typename, (string?)data["addReview"]!["errors"]![0]!["__typename"]);
    }

    [StoreFact]
    public async Task Reviewing_an_unknown_or_malformed_product_id_is_a_payload_error()
    {
        var unknown = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = ProductId(987654), rating = 3, title = "?", body = (string?)null }, TokenFor(44));
        Assert.Equal("ProductNotFoundError", (string?)unknown["addReview"]!["errors"]![0]!["__typename"]);

        var malformed = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = "not-an-id", rating = 3, title = "?", body = (string?)null }, TokenFor(44));
        Assert.Equal("ValidationError", (string?)malformed["addReview"]!["errors"]![0]!["__typename"]);
    }

    [StoreFact]
    public async Task Anonymous_callers_cannot_review_order_or_cancel()
    {
        var review = await _client.PostGraphQLAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = ProductId(1), rating = 3, title = "Anon", body = (string?)null });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)review["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("addReview", (string?)review["errors"]![0]!["path"]![0]);

        var order = await _client.PostGraphQLAsync(PlaceOrder, new { lines = new[] { new { productId = ProductId(1), quantity = 1 } } });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)order["errors"]![0]!["extensions"]!["code"]);

        var cancel = await _client.PostGraphQLAsync(CancelOrder, new { id = OrderId(1) });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)cancel["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(cancel["data"]);
    }

    [StoreFact]
    public async Task The_place_order_screen_places_an_order_at_store_prices()
    {
        await store.SetStockAsync(801, (1, 5));
        await store.SetStockAsync(802, (2, 5));

        var data = await _client.QueryAsync(GraphQLHttp.Screen("PlaceOrder"),
            new { lines = new[] { new { productId = ProductId(801), quantity = 2 }, new { productId = ProductId(802), quantity = 1 } } }, TokenFor(45));

        var order = data["placeOrder"]!["order"]!;
        Assert.Null(data["placeOrder"]!["errors"]);
        Assert.Equal("PENDING", (string?)order["status"]);
        Assert.Equal(3, (int)order["itemCount"]!);
        var lines = order["lines"]!.AsArray();
        Assert.Equal((decimal)order["total"]!, lines.Sum(l => (decimal)l!["unitPrice"]! * (int)l["quantity"]!));
        Assert.Equal(3, (await store.StockAsync(801))[1]);
    }

    [StoreFact]
    public async Task Order_errors_arrive_in_the_payload_and_nothing_is_written()
    {
        await store.SetStockAsync(803, (1, 2), (3, 1));
        var before = await store.CountsAsync();

        var outOfStock = (await _client.QueryAsync(PlaceOrder,
            new { lines = new[] { new { productId = ProductId(803), quantity = 5 } } }, TokenFor(46)))["placeOrder"]!;
        var badQuantity = (await _client.QueryAsync(PlaceOrder,
            new { lines = new[] { new { productId = ProductId(803), quantity = 100 } } }, TokenFor(46)))["placeOrder"]!;
        var unknown = (await _client.QueryAsync(PlaceOrder,
            new { lines = new[] { new { productId = ProductId(987654), quantity = 1 } } }, TokenFor(46)))["placeOrder"]!;
        var empty = (await _client.QueryAsync(PlaceOrder, new { lines = Array.Empty<object>() }, TokenFor(46)))["placeOrder"]!;

        Assert.Null(outOfStock["order"]);
        Assert.Equal("OutOfStockError", (string?)outOfStock["errors"]![0]!["__typename"]);
        Assert.Equal((ProductId(803), 3, 5), ((string?)outOfStock["errors"]![0]!["productId"], (int)outOfStock["errors"]![0]!["available"]!, (int)outOfStock["errors"]![0]!["requested"]!));
        Assert.Equal("InvalidQuantityError", (string?)badQuantity["errors"]![0]!["__typename"]);
        Assert.Equal(100, (int)badQuantity["errors"]![0]!["quantity"]!);
        Assert.Equal("ProductNotFoundError", (string?)unknown["errors"]![0]!["__typename"]);
        Assert.Equal(("ValidationError", "lines"), ((string?)empty["errors"]![0]!["__typename"], (string?)empty["errors"]![0]!["field"]));
        Assert.Equal(before, await store.CountsAsync());
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [3] = 1 }, await store.StockAsync(803));
    }

    private async Task<string> PlaceAsync(int customerId, int productId, int quantity)
    {
        var data = await _client.QueryAsync(PlaceOrder, new { lines = new[] { new { productId = ProductId(productId), quantity } } }, TokenFor(customerId));
        return (string)data["placeOrder"]!["order"]!["id"]!;
    }

    [StoreFact]
    public async Task Owners_cancel_and_stock_returns_other_customers_see_not_found()
    {
        await store.SetStockAsync(804, (2, 3), (4, 3));
        var id = await PlaceAsync(47, 804, 4);

        var stranger = (await _client.QueryAsync(CancelOrder, new { id }, TokenFor(48)))["cancelOrder"]!;
        Assert.Equal("OrderNotFoundError", (string?)stranger["errors"]![0]!["__typename"]);

        var owner = (await _client.QueryAsync(CancelOrder, new { id }, TokenFor(47)))["cancelOrder"]!;
        Assert.Equal("CANCELLED", (string?)owner["order"]!["status"]);
        Assert.Equal(new Dictionary<int, int> { [2] = 3, [4] = 3 }, await store.StockAsync(804));

        var again = (await _client.QueryAsync(CancelOrder, new { id }, TokenFor(47)))["cancelOrder"]!;
        Assert.Equal(("InvalidOrderStatusError", "CANCELLED"), ((string?)again["errors"]![0]!["__typename"], (string?)again["errors"]![0]!["status"]));
    }

    [StoreFact]
    public async Task Admins_advance_orders_one_step_and_customers_may_not()
    {
        await store.SetStockAsync(805, (1, 3));
        var id = await PlaceAsync(49, 805, 1);

        var customer = await _client.PostGraphQLAsync(UpdateStatus, new { id, status = "PAID" }, bearerToken: TokenFor(49));
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)customer["errors"]![0]!["extensions"]!["code"]);
        var anonymous = await _client.PostGraphQLAsync(UpdateStatus, new { id, status = "PAID" });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)anonymous["errors"]![0]!["extensions"]!["code"]);

        var admin = TokenFor(1, admin: true);
        var skip = (await _client.QueryAsync(UpdateStatus, new { id, status = "SHIPPED" }, admin))["updateOrderStatus"]!;
        Assert.Equal(("InvalidOrderStatusError", "PENDING"), ((string?)skip["errors"]![0]!["__typename"], (string?)skip["errors"]![0]!["status"]));
        foreach (var status in new[] { "PAID", "SHIPPED", "DELIVERED" })
        {
            var step = (await _client.QueryAsync(UpdateStatus, new { id, status }, admin))["updateOrderStatus"]!;
            Assert.Equal(status, (string?)step["order"]!["status"]);
        }
        var missing = (await _client.QueryAsync(UpdateStatus, new { id = OrderId(987654), status = "PAID" }, admin))["updateOrderStatus"]!;
        Assert.Equal("OrderNotFoundError", (string?)missing["errors"]![0]!["__typename"]);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class MutationHttpTestsOnPostgreSql(PostgreSqlMutationStore store) : MutationHttpTests(store), IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql;
