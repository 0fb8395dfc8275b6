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

    [Theory]
    [MemberData(nameof(PrivatePaths))]
    public async Task Anonymous_callers_get_null_private_fields_with_not_authenticated_errors(string path, string query)
    {
        _ = path;
        AssertDenied(await _client.PostGraphQLAsync(query), "AUTH_NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Another_customers_private_fields_are_null_with_not_authorized_errors()
    {
        var query = $"{{ node(id: \"{CustomerId(Customer)}\") {{ ... on Customer {{ name email orders(first: 1) {{ totalCount }} }} }} }}";
        AssertDenied(await _client.PostGraphQLAsync(query, bearerToken: Token(OtherCustomer)), "AUTH_NOT_AUTHORIZED");
    }

    [Theory]
    [MemberData(nameof(PrivatePaths))]
    public async Task Admins_read_every_customers_private_fields(string path, string query)
    {
        _ = path;
        var data = await _client.QueryAsync(query, bearerToken: Token(1, admin: true));
        Assert.All(Values(data, "email"), email => Assert.Contains("@", (string?)email));
        Assert.All(Values(data, "orders"), orders => Assert.NotNull(orders?["totalCount"]));
    }

    [Fact]
    public async Task Anonymous_viewer_is_null_without_error()
    {
        var result = await _client.PostGraphQLAsync("{ viewer { id email } }");
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["viewer"]);
    }

    [Fact]
    public async Task Root_orders_is_an_authentication_error_for_anonymous_callers()
    {
        var result = await _client.PostGraphQLAsync("{ orders(first: 1) { totalCount } products(first: 1) { totalCount } }");
        Assert.Null(result["data"]!["orders"]);
        Assert.NotNull(result["data"]!["products"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)Errors(result).Single()["extensions"]!["code"]);
    }

    [Fact]
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

    [Theory]
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
}
