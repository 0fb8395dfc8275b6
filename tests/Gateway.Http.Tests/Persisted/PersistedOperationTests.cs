using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.Persisted;

/// <summary>
/// Persisted operations through the real endpoint: manifest documents by <c>documentId</c> and <c>id</c> over POST
/// and GET, Apollo's automatic persisted queries, and trusted documents mode.
/// </summary>
public sealed class PersistedOperationTests : IDisposable
{
    private const string Hello = "query Hello { hello }";
    private const string Increment = "mutation { increment }";
    private const string GraphQLResponse = "application/graphql-response+json";
    private readonly TempManifest _manifest = new(Hello, Increment);

    public void Dispose() => _manifest.Dispose();

    private static string Hash(string text) => TempManifest.Hash(text);

    private Task<GraphQLTestServer> StartAsync(Action<PersistedOperationOptions>? configure = null) =>
        GraphQLTestServer.StartAsync(services: services => services.AddGraphQLPersistedOperations(options =>
        {
            options.ManifestPath = _manifest.Path;
            configure?.Invoke(options);
        }));

    private static object Apq(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static async Task<(HttpStatusCode Status, JsonNode Body)> Read(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        return (response.StatusCode, await response.JsonAsync());
    }

    private static string? Code(JsonNode body) => (string?)body["errors"]?[0]?["extensions"]?["code"];

    [Fact]
    public async Task A_manifest_document_runs_by_documentId_and_by_id_over_post_and_get()
    {
        await using var server = await StartAsync();
        var hash = Hash(Hello);

        var byDocumentId = await Read(server.PostAsync(new { documentId = "sha256:" + hash }, GraphQLResponse));
        var byId = await Read(server.PostAsync(new { id = hash }));
        var overGet = await Read(server.GetAsync($"/graphql?documentId=sha256:{hash}", GraphQLResponse));
        var overGetById = await Read(server.GetAsync($"/graphql?id={hash}"));

        foreach (var (status, body) in new[] { byDocumentId, byId, overGet, overGetById })
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Hello, world!", (string?)body["data"]!["hello"]);
        }
    }

    [Fact]
    public async Task An_unknown_documentId_is_a_coded_error_and_a_persisted_mutation_is_still_refused_over_get()
    {
        await using var server = await StartAsync();

        var unknown = await Read(server.PostAsync(new { documentId = "sha256:" + Hash("{ other }") }, GraphQLResponse));
        var malformed = await Read(server.PostAsync(new { documentId = "sha256:XYZ" }, GraphQLResponse));
        using var mutationOverGet = await server.GetAsync($"/graphql?documentId=sha256:{Hash(Increment)}", GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("DOCUMENT_NOT_FOUND", Code(unknown.Body));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("DOCUMENT_ID_INVALID", Code(malformed.Body));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutationOverGet.StatusCode);
    }

    [Fact]
    public async Task Apq_miss_then_register_then_hash_only_hit()
    {
        await using var server = await StartAsync();
        const string query = "{ add(a: 2, b: 3) }";
        var hash = Hash(query);

        var miss = await Read(server.PostAsync(new { extensions = Apq(hash) }, GraphQLResponse));
        var register = await Read(server.PostAsync(new { query, extensions = Apq(hash) }, GraphQLResponse));
        var hit = await Read(server.PostAsync(new { extensions = Apq(hash) }, GraphQLResponse));
        var hitOverGet = await Read(server.GetAsync(
            "/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Apq(hash))), GraphQLResponse));

        // 200, so that every client reads it as the cue to retry with the query rather than as a failed request.
        Assert.Equal(HttpStatusCode.OK, miss.Status);
        Assert.Equal("PersistedQueryNotFound", (string?)miss.Body["errors"]![0]!["message"]);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(miss.Body));
        Assert.Equal(5, (int?)register.Body["data"]!["add"]);
        Assert.Equal(5, (int?)hit.Body["data"]!["add"]);
        Assert.Equal(5, (int?)hitOverGet.Body["data"]!["add"]);
    }

    [Fact]
    public async Task Apq_refuses_a_wrong_hash_and_an_invalid_document_and_registers_neither()
    {
        await using var server = await StartAsync();
        var wrong = Hash("{ hello }");

        var mismatch = await Read(server.PostAsync(new { query = "{ add(a: 1, b: 1) }", extensions = Apq(wrong) }, GraphQLResponse));
        var afterMismatch = await Read(server.PostAsync(new { extensions = Apq(wrong) }, GraphQLResponse));
        var invalid = await Read(server.PostAsync(new { query = "{ nope }", extensions = Apq(Hash("{ nope }")) }, GraphQLResponse));
        var afterInvalid = await Read(server.PostAsync(new { extensions = Apq(Hash("{ nope }")) }, GraphQLResponse));
        var badVersion = await Read(server.PostAsync(
            new { extensions = new { persistedQuery = new { version = 2, sha256Hash = wrong } } }, GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", Code(mismatch.Body));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(afterMismatch.Body));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(afterInvalid.Body));
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", Code(badVersion.Body));
    }

    [Fact]
    public async Task Apq_hashes_of_manifest_documents_hit_without_registration()
    {
        await using var server = await StartAsync();

        var hit = await Read(server.PostAsync(new { extensions = Apq(Hash(Hello)) }, GraphQLResponse));

        Assert.Equal("Hello, world!", (string?)hit.Body["data"]!["hello"]);
    }

    [Fact]
    public async Task The_apq_store_keeps_only_the_most_recently_used_documents()
    {
        await using var server = await StartAsync(options => options.AutomaticPersistedQueryCacheSize = 2);
        string[] queries = ["{ add(a: 1, b: 1) }", "{ add(a: 1, b: 2) }", "{ add(a: 1, b: 3) }"];
        foreach (var query in queries)
        {
            (await server.PostAsync(new { query, extensions = Apq(Hash(query)) })).Dispose();
        }

        var codes = new List<string?>();
        foreach (var query in queries)
        {
            codes.Add(Code((await Read(server.PostAsync(new { extensions = Apq(Hash(query)) }))).Body));
        }

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND", null, null], codes);
    }

    [Fact]
    public async Task Trusted_mode_runs_only_manifest_documents()
    {
        await using var server = await StartAsync(options => options.OnlyAllowPersisted = true);
        const string adHoc = "{ add(a: 1, b: 1) }";

        var byId = await Read(server.PostAsync(new { documentId = "sha256:" + Hash(Hello) }, GraphQLResponse));
        var byApqHash = await Read(server.PostAsync(new { extensions = Apq(Hash(Hello)) }, GraphQLResponse));
        var manifestText = await Read(server.PostAsync(new { query = Hello }, GraphQLResponse));
        var other = await Read(server.PostAsync(new { query = adHoc }, GraphQLResponse));
        var registration = await Read(server.PostAsync(new { query = adHoc, extensions = Apq(Hash(adHoc)) }, GraphQLResponse));
        var afterRegistration = await Read(server.PostAsync(new { extensions = Apq(Hash(adHoc)) }, GraphQLResponse));

        Assert.All([byId, byApqHash, manifestText], result => Assert.Equal("Hello, world!", (string?)result.Body["data"]!["hello"]));
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Equal("PERSISTED_OPERATION_ONLY", Code(other.Body));
        Assert.Equal("PERSISTED_OPERATION_ONLY", Code(registration.Body));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(afterRegistration.Body));
    }

    [Fact]
    public async Task A_manifest_entry_whose_hash_is_not_its_text_stops_the_server()
    {
        File.WriteAllText(_manifest.Path, JsonSerializer.Serialize(new Dictionary<string, string> { [Hash(Hello)] = "{ add(a: 1, b: 1) }" }));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync());

        Assert.Contains("ManifestPath", error.Message);
    }
}
