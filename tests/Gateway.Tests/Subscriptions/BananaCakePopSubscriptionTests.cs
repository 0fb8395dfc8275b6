using System.Text.Json.Nodes;
using Gateway.EntityFramework.Relay;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Store;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.Tests.Subscriptions;

/// <summary>
/// Banana Cake Pop, as the gateway serves it (no connection settings), subscribes over the gateway's WebSocket:
/// it derives ws://…/graphql from its endpoint and negotiates graphql-transport-ws (tests/tools/bcp-subscription.mjs).
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class BananaCakePopSubscriptionTests(KestrelGatewayFactory gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task The_ide_subscribes_over_the_gateway_websocket_and_shows_a_pushed_event()
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var review = await db.Reviews.OrderBy(r => r.Id).Select(r => new { r.Id, r.ProductId, r.Title }).FirstAsync();
        var query = $"subscription {{ onReviewAdded(productId: \"{GlobalId.Encode("Product", review.ProductId)}\") {{ id title }} }}";
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "bcp-subscription.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var browser = NodeScript.RunAsync(
            "bcp-subscription.mjs", [gateway.GraphQLEndpoint.ToString(), screenshot, query, review.Title], TimeSpan.FromMinutes(2));

        // The protocol has no "subscribed" message: publish until the browser is done (bounded by count and time).
        var bus = gateway.Services.GetRequiredService<InMemoryTopicEventBus>();
        var topic = ReviewTopics.ReviewsOf(review.ProductId);
        for (var attempt = 0; attempt < 400 && !browser.IsCompleted; attempt++)
        {
            if (bus.SubscriberCount(topic) > 0)
            {
                await bus.PublishAsync(topic, new ReviewAdded(review.ProductId, review.Id));
            }
            await Task.WhenAny(browser, Task.Delay(250));
        }

        var (exitCode, stdOut, stdErr) = await browser;
        output.WriteLine(stdOut);
        Assert.True(exitCode == 0, $"bcp-subscription.mjs exited with {exitCode}: {stdOut} {stdErr}");
        var report = JsonNode.Parse(stdOut)!;
        Assert.Equal(query, (string?)report["subscribeSent"]);
        Assert.True((bool?)report["eventReceived"]);
        Assert.Contains(review.Title, (string?)report["responseText"]);
        var endpoint = new UriBuilder(gateway.GraphQLEndpoint) { Scheme = "ws" }.Uri.ToString();
        Assert.All(report["sockets"]!.AsArray(), socket => Assert.Equal(endpoint, (string?)socket!["url"]));
        // graphql-transport-ws messages ('subscribe'), not the legacy Apollo protocol's ('start').
        Assert.Contains(report["sockets"]!.AsArray(), socket => socket!["sent"]!.AsArray().Select(m => (string?)m).SequenceEqual(["connection_init", "subscribe"]));
        output.WriteLine($"screenshot: {screenshot}");
    }
}
