using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Auth;

/// <summary>
/// Who reads customers' private data (email, orders) through every path that reaches it. Denied fields resolve to
/// null with an error carrying extensions.code; the rest of the response still arrives.
/// </summary>
public class AuthorizationMatrixTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private const int Customer = 5;
    private const int OtherCustomer = 6;
    private readonly HttpClient _client = gateway.CreateClient();

    private string Token(int id, bool admin = false) => gateway.Services.GetRequiredService<TokenIssuer>().Issue(id, "Tester", admin);

    private static string CustomerId(int id) => GlobalId.Encode("Customer", id);

    /// <summary>Every path to Customer.email and Customer.orders, each selecting a public field beside the private ones.</summary>
    public static TheoryData<string, string> PrivatePaths => new()
    {
        { "customers", "{ customers(first: 3) { nodes { name email orders(first: 1) { totalCount } } } }" },
        { "node", $"{{ node(id: \"{CustomerId(Customer)}\") {{ ... on Customer {{ name email orders(first: 1) {{ totalCount }} }} }} }}" },
        { "nodes", $"{{ nodes(ids: [\"{CustomerId(Customer)}\", \"{CustomerId(OtherCustomer)}\"]) {{ ... on Customer {{ name email orders(first: 1) {{ totalCount }} }} }} }}" },
        { "Review.author", "{ reviews(first: 2) { nodes { title author { name email orders(first: 1) { totalCount } } } } }" },
    };

    private static IEnumerable<JsonObject> Errors(JsonObject result) => result["errors"]?.AsArray().Select(e => e!.AsObject()) ?? [];

    private static IEnumerable<JsonNode?> Values(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name ? [p.Value] : Values(p.Value, name)),
        JsonArray a => a.SelectMany(item => Values(item, name)),
        _ => [],
    };

    private static void AssertDenied(JsonObject result, string code)
    {
        var data = result["data"];
        Assert.NotNull(data);
        Assert.Contains(Values(data, "name"), name => name is not null);
        Assert.All(Values(data, "email"), email => Assert.Null(email));
        Assert.All(Values(data, "orders"), orders => Assert.Null(orders));
        var errors = Errors(result).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(code, (string?)e["extensions"]?["code"]));
        Assert.All(errors, e => Assert.Contains((string?)e["path"]!.AsArray().Last(), new[] { "email", "orders" }));
    }

    [StoreTheory]
    [MemberData(nameof(PrivatePaths))]
    public async Task Anonymous_callers_get_null_private_fields_with_not_authenticated_errors(string path, string query)
    {
        _ = path;
        AssertDenied(await _client.PostGraphQLAsync(query), "AUTH_NOT_AUTHENTICATED");
    }

    [StoreFact]
    public async Task Another_customers_private_fields_are_null_with_not_authorized_errors()
    {
        var query = $"{{ node(id: \"{CustomerId(Customer)}\") {{ ... on Customer {{ name email orders(first: 1) {{ totalCount }} }} }} }}";
        AssertDenied(await _client.PostGraphQLAsync(query, bearerToken: Token(OtherCustomer)), "AUTH_NOT_AUTHORIZED");
    }

    [StoreTheory]
    [MemberData(nameof(PrivatePaths))]
    public async Task Admins_read_every_customers_private_fields(string path, string query)
    {
        _ = path;
        var data = await _client.QueryAsync(query, bearerToken: Token(1, admin: true));
        Assert.All(Values(data, "email"), email => Assert.Contains("@", (string?)email));
        Assert.All(Values(data, "orders"), orders => Assert.NotNull(orders?["totalCount"]));
    }

    [StoreFact]
    public async Task Anonymous_viewer_is_null_without_error()
    {
        var result = await _client.PostGraphQLAsync("{ viewer { id email } }");
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["viewer"]);
    }

    [StoreFact]
    public async Task Root_orders_is_an_authentication_error_for_anonymous_callers()
    {
        var result = await _client.PostGraphQLAsync("{ orders(first: 1) { totalCount } products(first: 1) { totalCount } }");
        Assert.Null(result["data"]!["orders"]);
        Assert.NotNull(result["data"]!["products"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)Errors(result).Single()["extensions"]!["code"]);
    }

    [StoreFact]
    public async Task Root_orders_lists_the_callers_own_orders_and_every_order_for_admins()
    {
        var own = await _client.QueryAsync("{ orders(first: 100) { totalCount nodes { customer { id } } } }", bearerToken: Token(Customer));
        Assert.All(own["orders"]!["nodes"]!.AsArray(), o => Assert.Equal(CustomerId(Customer), (string?)o!["customer"]!["id"]));

        var all = await _client.QueryAsync("{ orders(first: 100) { totalCount nodes { customer { id } } } }", bearerToken: Token(1, admin: true));
        Assert.True((int)all["orders"]!["totalCount"]! > (int)own["orders"]!["totalCount"]!);
        Assert.True(all["orders"]!["nodes"]!.AsArray().Select(o => (string?)o!["customer"]!["id"]).Distinct().Count() > 1);
    }

    public static TheoryData<string> EmailOracles => new()
    {
        "{ customers(first: 1, where: { email: { startsWith: \"a\" } }) { totalCount } }",
        "{ customers(first: 1, order: [{ email: ASC }]) { nodes { name } } }",
    };

    [StoreTheory]
    [MemberData(nameof(EmailOracles))]
    public async Task Filtering_or_sorting_on_email_is_no_oracle_for_callers_who_cannot_read_emails(string query)
    {
        var anonymous = await _client.PostGraphQLAsync(query);
        Assert.Null(anonymous["data"]!["customers"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)Errors(anonymous).Single()["extensions"]!["code"]);

        var customer = await _client.PostGraphQLAsync(query, bearerToken: Token(Customer));
        Assert.Null(customer["data"]!["customers"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)Errors(customer).Single()["extensions"]!["code"]);

        var admin = await _client.QueryAsync(query, bearerToken: Token(1, admin: true));
        Assert.NotNull(admin["customers"]);
    }

    private async Task<(int OrderId, int LineId, int OtherOrderId)> OrdersAsync()
    {
        await using var db = await gateway.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Gateway.Store.StoreDbContext>>().CreateDbContextAsync();
        var order = db.Orders.Where(o => o.CustomerId == Customer && o.Lines.Any()).OrderBy(o => o.Id).Select(o => new { o.Id, Line = o.Lines.OrderBy(l => l.Id).First().Id }).First();
        var other = db.Orders.Where(o => o.CustomerId != Customer).OrderBy(o => o.Id).Select(o => o.Id).First();
        return (order.Id, order.Line, other);
    }

    [StoreFact]
    public async Task Customers_read_their_own_private_fields_on_every_path()
    {
        var token = Token(Customer);
        var viewer = await _client.QueryAsync("{ viewer { id email orders(first: 5) { totalCount nodes { lines { quantity } } } } }", bearerToken: token);
        Assert.Equal(CustomerId(Customer), (string?)viewer["viewer"]!["id"]);
        Assert.Contains("@", (string?)viewer["viewer"]!["email"]);
        Assert.True((int)viewer["viewer"]!["orders"]!["totalCount"]! > 0);

        var node = await _client.QueryAsync($"{{ node(id: \"{CustomerId(Customer)}\") {{ ... on Customer {{ email orders(first: 1) {{ totalCount }} }} }} }}", bearerToken: token);
        Assert.Equal((string?)viewer["viewer"]!["email"], (string?)node["node"]!["email"]);

        // In a list, the caller's own row is readable and the others' are not.
        var both = await _client.PostGraphQLAsync(
            $"{{ nodes(ids: [\"{CustomerId(Customer)}\", \"{CustomerId(OtherCustomer)}\"]) {{ ... on Customer {{ name email }} }} }}", bearerToken: token);
        Assert.Equal((string?)viewer["viewer"]!["email"], (string?)both["data"]!["nodes"]![0]!["email"]);
        Assert.Null(both["data"]!["nodes"]![1]!["email"]);
        Assert.NotNull(both["data"]!["nodes"]![1]!["name"]);
        var error = Errors(both).Single();
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)error["extensions"]!["code"]);
        Assert.Equal("[\"nodes\",1,\"email\"]", error["path"]!.ToJsonString());
    }

    [StoreFact]
    public async Task Orders_and_their_lines_by_id_are_for_their_owner_and_admins_only()
    {
        var (orderId, lineId, otherOrderId) = await OrdersAsync();
        var order = GlobalId.Encode("Order", orderId);
        var line = GlobalId.Encode("OrderLine", lineId);
        var query = $"{{ order: node(id: \"{order}\") {{ ... on Order {{ id status lines {{ quantity }} }} }} line: node(id: \"{line}\") {{ ... on OrderLine {{ quantity }} }} products(first: 1) {{ totalCount }} }}";

        // Order's row rule: another customer's order is not found, as an unknown id is, so its existence is not leaked.
        foreach (var token in new[] { null, Token(OtherCustomer) })
        {
            var denied = await _client.PostGraphQLAsync(query, bearerToken: token);
            Assert.Null(denied["data"]!["order"]);
            Assert.Null(denied["data"]!["line"]);
            Assert.NotNull(denied["data"]!["products"]);
            Assert.Empty(Errors(denied));
        }

        foreach (var token in new[] { Token(Customer), Token(1, admin: true) })
        {
            var data = await _client.QueryAsync(query, bearerToken: token);
            Assert.Equal(order, (string?)data["order"]!["id"]);
            Assert.NotEmpty(data["order"]!["lines"]!.AsArray());
            Assert.NotNull(data["line"]!["quantity"]);
        }

        var others = await _client.PostGraphQLAsync(
            $"{{ nodes(ids: [\"{order}\", \"{GlobalId.Encode("Order", otherOrderId)}\"]) {{ ... on Order {{ id }} }} }}", bearerToken: Token(Customer));
        Assert.Equal(order, (string?)others["data"]!["nodes"]![0]!["id"]);
        Assert.Null(others["data"]!["nodes"]![1]);
        Assert.Empty(Errors(others));
    }

    [StoreFact]
    public async Task A_review_authors_private_fields_are_readable_by_that_author_only()
    {
        await using var db = await gateway.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Gateway.Store.StoreDbContext>>().CreateDbContextAsync();
        var review = db.Reviews.Where(r => r.AuthorId == Customer).Select(r => r.Id).First();
        var query = $"{{ node(id: \"{GlobalId.Encode("Review", review)}\") {{ ... on Review {{ title author {{ email orders(first: 1) {{ totalCount }} }} }} }} }}";

        var own = await _client.QueryAsync(query, bearerToken: Token(Customer));
        Assert.Contains("@", (string?)own["node"]!["author"]!["email"]);
        AssertDeniedAuthor(await _client.PostGraphQLAsync(query, bearerToken: Token(OtherCustomer)));

        static void AssertDeniedAuthor(JsonObject result)
        {
            Assert.NotNull(result["data"]!["node"]!["title"]);
            Assert.Null(result["data"]!["node"]!["author"]!["email"]);
            Assert.Null(result["data"]!["node"]!["author"]!["orders"]);
            Assert.Equal(2, Errors(result).Count());
            Assert.All(Errors(result), e => Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)e["extensions"]!["code"]));
        }
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class AuthorizationMatrixTestsOnPostgreSql(PostgreSqlGatewayFactory store) : AuthorizationMatrixTests(store), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
