using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The frontend clients a storefront team would pick, run by Node against the real gateway on Kestrel
/// (tests/tools/apollo-client.mjs, urql-client.mjs, cross-origin-page.mjs): the storefront's documents from
/// schema/operations/, normalized caches, cursor paging, a mutation payload updating the cached product (with no subscription open), a
/// subscription event over graphql-ws and over SSE, persisted queries, and a page from another origin in Chromium.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class RealClientTests(KestrelGatewayFactory gateway, ITestOutputHelper output)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A product of the headphones category, a customer with orders, and four customers who never reviewed the product
    /// (one for the mutation alone, the others for the subscription's event: each may review the product once).
    /// </summary>
    internal static async Task<object> ConfigAsync(KestrelGatewayFactory host, string mode, int productRank)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var productId = await db.Products.OrderByDescending(p => p.Id).Select(p => p.Id).Skip(productRank).FirstAsync();
        var viewerId = await db.Orders.OrderBy(o => o.Id).Select(o => o.CustomerId).FirstAsync();
        var reviewers = await db.Customers.Where(c => c.Id != viewerId && !db.Reviews.Any(r => r.ProductId == productId && r.AuthorId == c.Id))
            .OrderByDescending(c => c.Id).Skip(productRank * 4).Take(4).Select(c => c.Id).ToListAsync();
        var issuer = host.Services.GetRequiredService<TokenIssuer>();
        return new
        {
            endpoint = host.GraphQLEndpoint.ToString(),
            operations = ContractPaths.Screens,
            manifest = Path.Combine(ContractPaths.Screens, "persisted-operations.json"),
            mode,
            viewerToken = issuer.Issue(viewerId, $"Customer {viewerId}", isAdmin: false),
            reviewTokens = reviewers.Select(id => issuer.Issue(id, $"Customer {id}", isAdmin: false)).ToArray(),
            productId = GlobalId.Encode("Product", productId),
            viewerId = GlobalId.Encode("Customer", viewerId),
            slug = "headphones",
            maxPrice = 250,
        };
    }

    internal static async Task<JsonNode> RunAsync(string script, object config, ITestOutputHelper output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(script)}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(config));
        try
        {
            var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync(script, [file], ScriptTimeout);
            output.WriteLine(stdOut);
            Assert.True(exitCode == 0, $"{script} exited with {exitCode}: {stdOut} {stdErr}");
            var report = JsonNode.Parse(stdOut.Trim().Split('\n')[^1])!;
            Assert.True(report["error"] is null, $"{script}: {report["error"]}\n{stdErr}");
            return report;
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static void AssertScreens(JsonNode report, JsonNode config)
    {
        var screens = report["screens"]!;
        Assert.True((int)screens["HomePage"]!["categories"]! > 0);
        Assert.Equal((string?)config["productId"], (string?)screens["ProductPage"]!["id"]);
        Assert.Equal((string?)config["viewerId"], (string?)screens["OrderHistory"]!["viewer"]);
        Assert.NotNull((string?)screens["OrderHistory"]!["email"]);

        // The second page was merged behind the first, in order, by the client's pagination policy.
        var catalog = screens["CatalogPage"]!;
        var firstPage = catalog["firstPage"]!.AsArray().Select(id => (string?)id).ToList();
        var merged = catalog["merged"]!.AsArray().Select(id => (string?)id).ToList();
        Assert.True((int)catalog["totalCount"]! >= 4);
        Assert.Equal(2, firstPage.Count);
        Assert.Equal(4, merged.Count);
        Assert.Equal(firstPage, merged.Take(2));
        Assert.Equal(4, merged.Distinct().Count());
    }

    /// <summary>
    /// The mutation ran with no subscription open, and the cached product's rating (read from the cache alone right
    /// after it resolved) became the one its payload carried: nothing but the payload can have put it there.
    /// </summary>
    internal static void AssertMutationUpdatedTheCache(JsonNode report)
    {
        var mutation = report["mutation"]!;
        var json = mutation.ToJsonString();
        Assert.True(mutation["errors"] is null or JsonArray { Count: 0 }, json);
        var before = mutation["ratingBefore"]!;
        var payload = mutation["payloadRating"]!;
        var after = mutation["ratingAfter"]!;
        Assert.Equal((int)before["count"]! + 1, (int)payload["count"]!);
        Assert.Equal((int)payload["count"]!, (int)after["count"]!);
        Assert.Equal((double)payload["average"]!, (double)after["average"]!);
    }

    /// <summary>The subscription, opened after the mutation, received the next customer's review.</summary>
    internal static void AssertEvent(JsonNode report, JsonNode config, string title)
    {
        var review = report["review"]!;
        Assert.True(review["event"] is not null, $"no subscription event: {report.ToJsonString()}");
        Assert.Equal(title, (string?)review["event"]!["title"]);
        Assert.Equal((string?)config["productId"], (string?)review["event"]!["product"]!["id"]);
    }

    [Fact]
    public async Task Apollo_client_runs_the_screens_with_apq_pages_with_fetchMore_and_sees_a_review_over_graphql_ws()
    {
        var config = JsonSerializer.SerializeToNode(await ConfigAsync(gateway, "apq", productRank: 0))!;

        var report = await RunAsync("apollo-client.mjs", config, output);

        AssertScreens(report, config);
        Assert.True((bool)report["cacheKeys"]!["hasProduct"]!);
        Assert.True((int)report["cacheKeys"]!["products"]! > 10);
        Assert.False((bool)report["mutation"]!["socketOpened"]!, "the WebSocket was open during the mutation");
        AssertMutationUpdatedTheCache(report);
        AssertEvent(report, config, "Apollo says hi");

        // APQ: each document's first request is its hash alone (over GET for queries, POST for the mutation), answered
        // PERSISTED_QUERY_NOT_FOUND; the link retries with the text, which registers it; fetchMore and a second client
        // then travel as hashes alone.
        var exchanges = report["exchanges"]!.AsArray().Select(e => e!).ToList();
        var misses = exchanges.Where(e => (string?)e["code"] == "PERSISTED_QUERY_NOT_FOUND").ToList();
        Assert.Equal(["HomePage", "ProductPage", "OrderHistory", "CatalogPage", "AddReview"], misses.Select(e => (string?)e["operationName"]));
        Assert.Equal(["GET", "GET", "GET", "GET", "POST"], misses.Select(e => (string?)e["method"]));
        Assert.All(misses, miss => Assert.Equal(200, (int)miss["status"]!));
        foreach (var miss in misses)
        {
            var retry = exchanges[exchanges.IndexOf(miss) + 1];
            Assert.Equal((string?)miss["operationName"], (string?)retry["operationName"]);
            Assert.True((bool)retry["sentQuery"]!);
            Assert.Null((string?)retry["code"]);
        }

        Assert.Contains(exchanges, e => (string?)e["operationName"] == "CatalogPage" && (string?)e["method"] == "GET" && !(bool)e["sentQuery"]! && e["code"] is null);
        Assert.All(report["secondClient"]!.AsArray(), e =>
        {
            Assert.Equal("GET", (string?)e!["method"]);
            Assert.False((bool)e["sentQuery"]!);
            Assert.Null((string?)e["code"]);
        });
        Assert.Contains(exchanges, e => (string?)e["contentEncoding"] == "gzip");
    }

    [Fact]
    public async Task Urql_with_graphcache_runs_the_screens_pages_with_relayPagination_and_sees_a_review_over_sse()
    {
        var config = JsonSerializer.SerializeToNode(await ConfigAsync(gateway, "apq", productRank: 1))!;

        var report = await RunAsync("urql-client.mjs", config, output);

        AssertScreens(report, config);
        Assert.Equal((string?)config["productId"], (string?)report["cacheOnly"]!["productPage"]);
        Assert.Equal(0, (int)report["mutation"]!["sseRequests"]!);
        AssertMutationUpdatedTheCache(report);
        AssertEvent(report, config, "urql says hi");
        Assert.Equal(1, (int)report["review"]!["sseRequests"]!);
    }

    [Fact]
    public async Task A_page_from_another_origin_calls_the_gateway_with_a_token_in_chromium()
    {
        var config = JsonSerializer.SerializeToNode(await ConfigAsync(gateway, "apq", productRank: 2))!;
        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync(
            "cross-origin-page.mjs", [gateway.GraphQLEndpoint.ToString(), (string)config["viewerToken"]!], ScriptTimeout);
        output.WriteLine(stdOut);
        Assert.True(exitCode == 0, $"cross-origin-page.mjs exited with {exitCode}: {stdOut} {stdErr}");
        var report = JsonNode.Parse(stdOut.Trim().Split('\n')[^1])!;
        Assert.True(report["error"] is null, (string?)report["error"]);

        // A dev server's origin (127.0.0.1, another port): the preflighted POST, an event stream, a readable 401, the
        // signed-in socket.
        var allowed = report["pages"]![0]!;
        Assert.Equal(200, (int)allowed["signedIn"]!["status"]!);
        Assert.Equal((string?)config["viewerId"], (string?)allowed["signedIn"]!["body"]!["data"]!["viewer"]!["id"]);
        Assert.Equal("no-store", (string?)allowed["signedIn"]!["cacheControl"]);
        Assert.Equal(200, (int)allowed["eventStream"]!["status"]!);
        Assert.StartsWith("text/event-stream", (string?)allowed["eventStream"]!["contentType"]);
        Assert.Matches("^event: next\ndata: .*\"viewer\".*\n\nevent: complete\ndata: \n\n$", (string?)allowed["eventStream"]!["text"]);
        Assert.Equal(401, (int)allowed["badToken"]!["status"]!);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)allowed["badToken"]!["body"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("connection_ack", (string?)allowed["socket"]!["message"]);

        // An origin the gateway does not know (127.0.0.2): the browser blocks the calls and the socket is refused.
        var foreign = report["pages"]![1]!;
        Assert.NotNull((string?)foreign["signedIn"]!["failed"]);
        Assert.NotNull((string?)foreign["eventStream"]!["failed"]);
        Assert.Contains(foreign["consoleErrors"]!.AsArray(), message => ((string?)message)!.Contains("blocked by CORS policy"));
        Assert.True((bool?)foreign["socket"]!["failed"]);
    }
}

/// <summary>Apollo Client against the gateway in trusted documents mode, its ids taken from the shipped manifest.</summary>
public sealed class TrustedRealClientTests(TrustedRealClientTests.Factory gateway, ITestOutputHelper output) : IClassFixture<TrustedRealClientTests.Factory>
{
    public sealed class Factory : KestrelGatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("GraphQL:PersistedOperations:OnlyAllowPersisted", "true")];
    }

    [Fact]
    public async Task Apollo_client_with_a_persisted_query_list_runs_every_screen_by_hash_alone()
    {
        var config = JsonSerializer.SerializeToNode(await RealClientTests.ConfigAsync(gateway, "trusted", productRank: 0))!;

        var report = await RealClientTests.RunAsync("apollo-client.mjs", config, output);

        RealClientTests.AssertScreens(report, config);
        var exchanges = report["exchanges"]!.AsArray().Concat(report["secondClient"]!.AsArray()).ToList();
        Assert.NotEmpty(exchanges);
        Assert.All(exchanges, e =>
        {
            Assert.False((bool)e!["sentQuery"]!);
            Assert.Null((string?)e["code"]);
            Assert.Equal(200, (int)e["status"]!);
        });
    }
}
