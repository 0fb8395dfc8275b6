using System.Net;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Http.Tests.Sse;
using Gateway.Messaging;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Subscriptions;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The storefront's subscriptions over Server-Sent Events on Kestrel, with the bearer token in the Authorization
/// header: the same authentication and authorization as over the WebSocket.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class EventStreamSubscriptionTests(KestrelGatewayFactory gateway)
{
    private const string OnOrderStatusChanged = "subscription { onOrderStatusChanged { id status customer { id } } }";

    private HttpClient Client() => new() { BaseAddress = gateway.GraphQLEndpoint, Timeout = TimeSpan.FromSeconds(60) };

    private string TokenFor(int customerId, bool admin = false) =>
        gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    private static CancellationToken Within(int seconds = 20) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Fact]
    public async Task A_customer_receives_their_order_status_change_over_sse()
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var order = await db.Orders.Where(o => o.Status == OrderStatus.Pending).OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.CustomerId }).FirstAsync();
        using var client = Client();
        var bus = gateway.Services.GetRequiredService<InMemoryTopicEventBus>();
        var before = bus.SubscriberCount(OrderTopics.StatusChanges);

        var stream = await EventStreamClient.OpenAsync(client, new { query = OnOrderStatusChanged }, bearerToken: TokenFor(order.CustomerId));
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, before + 1), "the SSE subscription never reached the event bus");
        var update = await client.QueryAsync(
            "mutation($id: ID!) { updateOrderStatus(input: { orderId: $id, status: PAID }) { order { status } } }",
            new { id = GlobalId.Encode("Order", order.Id) },
            TokenFor(order.CustomerId == 1 ? 2 : 1, admin: true));
        var next = await stream.ReadEventAsync(Within());
        var status = stream.Response.StatusCode;
        await stream.DisposeAsync();

        // Closing the stream unsubscribes (and leaves the bus as the next test of the collection expects it).
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, before), "the closed stream still holds its subscription");
        Assert.Equal("PAID", (string?)update["updateOrderStatus"]!["order"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("next", next?.Event);
        Assert.Equal(GlobalId.Encode("Order", order.Id), (string?)next?.Data?["data"]?["onOrderStatusChanged"]?["id"]);
        Assert.Equal("PAID", (string?)next?.Data?["data"]?["onOrderStatusChanged"]?["status"]);
    }

    [Fact]
    public async Task An_anonymous_subscriber_gets_the_authentication_error_in_the_stream()
    {
        using var client = Client();

        await using var stream = await EventStreamClient.OpenAsync(client, new { query = OnOrderStatusChanged });
        var next = await stream.ReadEventAsync(Within());
        var complete = await stream.ReadEventAsync(Within());

        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)next?.Data?["errors"]?[0]?["extensions"]?["code"]);
        Assert.Equal("complete", complete?.Event);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_401_before_any_stream()
    {
        using var client = Client();

        await using var stream = await EventStreamClient.OpenAsync(client, new { query = OnOrderStatusChanged }, bearerToken: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, stream.Response.StatusCode);
    }
}
