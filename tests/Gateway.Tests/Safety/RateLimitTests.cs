using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.Http.Tests.Sse;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Safety;

/// <summary>Rate limiting by cost: a bucket of points per client, an operation takes its field cost, 429 when empty.</summary>
public sealed class RateLimitTests(RateLimitTests.Gateway gateway) : IClassFixture<RateLimitTests.Gateway>
{
    public sealed class Gateway : KestrelGatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:RateLimit:PointsPerMinute", "100")];
    }

    [Fact]
    public async Task Each_client_spends_its_own_bucket_and_an_empty_one_answers_429_with_retry_after()
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        var customer = gateway.Services.GetRequiredService<TokenIssuer>().Issue(7, "Customer 7", isAdmin: false);

        // ProductPage costs 40: two fit in 100 points, the third does not.
        Assert.Equal(HttpStatusCode.OK, (await ProductPageAsync(client, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ProductPageAsync(client, null)).StatusCode);
        using var refused = await ProductPageAsync(client, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("RATE_LIMITED", (string?)error["extensions"]!["code"]);
        Assert.Equal(100, (double)error["extensions"]!["limit"]!);

        // The same address over WebSocket spends the same bucket, and gets the same code.
        var (message, _) = await WebSocketProbe.SubscribeAsync(gateway.BaseAddress, GraphQLHttp.Screen("ProductPage"), new { id = "UHJvZHVjdDox" });
        Assert.Equal("error", (string?)message!["type"]);
        Assert.Equal("RATE_LIMITED", (string?)message["payload"]![0]!["extensions"]!["code"]);

        // And over Server-Sent Events: the stream is accepted, and its one event is the refusal, with the same code.
        await using (var stream = await EventStreamClient.OpenAsync(client, new { query = GraphQLHttp.Screen("ProductPage"), variables = new { id = "UHJvZHVjdDox" } }))
        {
            using var within = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var next = await stream.ReadEventAsync(within.Token);
            Assert.Equal("next", next?.Event);
            Assert.Equal("RATE_LIMITED", (string?)next?.Data?["errors"]?[0]?["extensions"]?["code"]);
            Assert.Equal("complete", (await stream.ReadEventAsync(within.Token))?.Event);
        }

        // The signed-in customer is counted by the token's subject, not the address the anonymous calls came from.
        Assert.Equal(HttpStatusCode.OK, (await ProductPageAsync(client, customer)).StatusCode);
    }

    [Fact]
    public async Task A_batch_with_a_rate_limited_entry_says_retry_after_and_one_refused_whole_answers_429()
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        var customer = gateway.Services.GetRequiredService<TokenIssuer>().Issue(8, "Customer 8", isAdmin: false);

        // 40 points each from a bucket of 100: the third entry is refused, the first two run.
        using var mixed = await ProductPagesAsync(client, customer, 3);
        var results = JsonNode.Parse(await mixed.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.NotNull(results[0]!["data"]);
        Assert.NotNull(results[1]!["data"]);
        Assert.Equal("RATE_LIMITED", (string?)results[2]!["errors"]![0]!["extensions"]!["code"]);
        Assert.True(mixed.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing on a batch with a rate-limited entry");

        // The bucket is now nearly empty: every entry is refused, and so is the batch.
        using var refused = await ProductPagesAsync(client, customer, 2);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.All(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsArray(),
            result => Assert.Equal("RATE_LIMITED", (string?)result!["errors"]![0]!["extensions"]!["code"]));
    }

    private static Task<HttpResponseMessage> ProductPagesAsync(HttpClient client, string token, int count)
    {
        var page = new { query = GraphQLHttp.Screen("ProductPage"), variables = new { id = "UHJvZHVjdDox" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(Enumerable.Repeat(page, count)) };
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ProductPageAsync(HttpClient client, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = GraphQLHttp.Screen("ProductPage"), variables = new { id = "UHJvZHVjdDox" } }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return client.SendAsync(request);
    }
}
