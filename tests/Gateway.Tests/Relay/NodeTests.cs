using Gateway.Testing.PostgreSql;
using System.Text;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Relay;

public class NodeTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string, string> EntityLists => new()
    {
        { "Product", "products(first: 2) { nodes { id } }" },
        { "Category", "categories { id }" },
        { "Customer", "customers(first: 2) { nodes { id } }" },
        { "Review", "reviews(first: 2) { nodes { id } }" },
        { "Warehouse", "warehouses { id }" },
    };

    [StoreTheory]
    [MemberData(nameof(EntityLists))]
    public async Task Node_round_trips_every_entity_type(string typeName, string listQuery)
    {
        var list = await _client.QueryAsync("{ " + listQuery + " }");
        var ids = list.First().Value!.ToJsonString();
        var id = System.Text.Json.JsonDocument.Parse(ids).RootElement is var root && root.ValueKind == System.Text.Json.JsonValueKind.Array
            ? root[0].GetProperty("id").GetString()!
            : root.GetProperty("nodes")[0].GetProperty("id").GetString()!;

        var data = await _client.QueryAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id });

        Assert.Equal(typeName, (string?)data["node"]!["__typename"]);
        Assert.Equal(id, (string?)data["node"]!["id"]);
    }

    [StoreFact]
    public async Task Ids_are_opaque()
    {
        var data = await _client.QueryAsync("{ products(first: 1) { nodes { id sku } } }");
        var id = (string)data["products"]!["nodes"]![0]!["id"]!;

        Assert.NotEqual("1", id);
        Assert.DoesNotContain("SKU", id);
    }

    [StoreTheory]
    [InlineData("not-an-id")]
    [InlineData("")]
    [InlineData("%%%")]
    public async Task Malformed_id_is_a_field_error_or_null_never_a_server_error(string id)
    {
        var result = await _client.PostGraphQLAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.True(result["data"]?["node"] is null);
    }

    [StoreFact]
    public async Task Unknown_id_resolves_to_null()
    {
        var data = await _client.QueryAsync("{ products(first: 1) { nodes { id } } }");
        var known = (string)data["products"]!["nodes"]![0]!["id"]!;
        var unknown = ReplaceKey(known, 987654321);

        var result = await _client.PostGraphQLAsync("query($id: ID!) { node(id: $id) { id } }", new { id = unknown });

        Assert.True(result["data"]?["node"] is null);
    }

    [StoreFact]
    public async Task Nodes_keeps_order_and_nulls_across_types()
    {
        var lists = await _client.QueryAsync("{ products(first: 2) { nodes { id } } warehouses { id } }");
        var product = (string)lists["products"]!["nodes"]![1]!["id"]!;
        var warehouse = (string)lists["warehouses"]![0]!["id"]!;
        var unknown = ReplaceKey(product, 987654321);

        var data = await _client.QueryAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids = new[] { warehouse, unknown, product } });

        var nodes = data["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.Equal(warehouse, (string?)nodes[0]!["id"]);
        Assert.Null(nodes[1]);
        Assert.Equal(product, (string?)nodes[2]!["id"]);
    }

    /// <summary>Builds the id of the same type with another key, by decoding the opaque id the way the gateway encodes it.</summary>
    private static string ReplaceKey(string globalId, int key)
    {
        var raw = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        var separator = raw.IndexOfAny([':', '\n']);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(raw[..(separator + 1)] + key));
    }
}

public sealed class NodeTestsOnPostgreSql(PostgreSqlGatewayFactory gateway) : NodeTests(gateway), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
