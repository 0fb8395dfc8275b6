using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.EntityFramework.Relay;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Operations;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The gateway serves the manifest it ships (schema/operations/persisted-operations.json, copied to its output): the
/// storefront's screens run by hash alone, over POST and GET.
/// </summary>
public sealed class PersistedOperationsTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    internal static async Task<JsonObject> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Every_screen_query_runs_by_documentId_with_the_same_data_as_its_text()
    {
        var variables = new { id = GlobalId.Encode("Product", 1) };

        var byText = await PostAsync(_client, new { query = GraphQLHttp.Screen("ProductPage"), variables });
        var byDocumentId = await PostAsync(_client, new { documentId = "sha256:" + PersistedOperationsManifestTests.HashOf("ProductPage"), variables });
        var byId = await PostAsync(_client, new { id = PersistedOperationsManifestTests.HashOf("ProductPage"), variables });

        Assert.Null(byText["errors"]);
        Assert.Equal(byText.ToJsonString(), byDocumentId.ToJsonString());
        Assert.Equal(byText.ToJsonString(), byId.ToJsonString());
    }

    [Fact]
    public async Task A_screen_runs_over_get_by_documentId()
    {
        var hash = PersistedOperationsManifestTests.HashOf("HomePage");

        using var response = await _client.GetAsync($"/graphql?documentId=sha256:{hash}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!.AsObject());
    }
}

/// <summary>The gateway in trusted documents mode: the screens run, nothing else does.</summary>
public sealed class TrustedDocumentsTests(TrustedDocumentsTests.Factory gateway) : IClassFixture<TrustedDocumentsTests.Factory>
{
    public sealed class Factory : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("GraphQL:PersistedOperations:OnlyAllowPersisted", "true")];
    }

    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task Screens_run_by_id_and_ad_hoc_documents_are_refused()
    {
        var screen = await PersistedOperationsTests.PostAsync(_client, new { documentId = "sha256:" + PersistedOperationsManifestTests.HashOf("HomePage") });
        var adHoc = await PersistedOperationsTests.PostAsync(_client, new { query = "{ products(first: 1) { totalCount } }" });
        var introspection = await PersistedOperationsTests.PostAsync(_client, new { query = "{ __schema { queryType { name } } }" });

        Assert.Null(screen["errors"]);
        Assert.Equal("PERSISTED_OPERATION_ONLY", (string?)adHoc["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("PERSISTED_OPERATION_ONLY", (string?)introspection["errors"]![0]!["extensions"]!["code"]);
    }
}
