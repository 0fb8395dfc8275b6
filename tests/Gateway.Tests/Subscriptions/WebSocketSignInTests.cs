using System.Text.Json;
using Gateway.Auth;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Subscriptions;

/// <summary>The socket's sign-in (token in <c>connection_init</c>) and protocol errors, through real sockets on Kestrel.</summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class WebSocketSignInTests(KestrelGatewayFactory gateway)
{
    private const string OnOrderStatusChanged = "subscription { onOrderStatusChanged { id status } }";

    [Theory]
    [InlineData("authorization", "Bearer not-a-jwt")]
    [InlineData("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    [InlineData("token", "Bearer ")]
    public async Task A_rejected_token_closes_the_socket_with_4403(string key, string value)
    {
        var output = await SubscribeToOrdersAsync(new Dictionary<string, string> { [key] = value });

        Assert.False((bool)output["acknowledged"]!);
        Assert.Equal(4403, (int)output["closeCode"]!);
        Assert.Empty(output["results"]!.AsArray());
    }

    [Fact]
    public async Task An_expired_token_closes_the_socket_with_4403()
    {
        var issuedLongAgo = new TokenIssuer(
            gateway.Services.GetRequiredService<IOptions<AuthOptions>>(), new FixedTime(DateTimeOffset.UtcNow.AddHours(-2)));
        var expired = issuedLongAgo.Issue(1, "Customer 1", isAdmin: false, lifetime: TimeSpan.FromHours(1));

        var output = await SubscribeToOrdersAsync(new { authorization = $"Bearer {expired}" });

        Assert.Equal(4403, (int)output["closeCode"]!);
    }

    [Theory]
    [InlineData("authorization", true)]
    [InlineData("Authorization", true)]
    [InlineData("token", false)]
    public async Task A_valid_token_signs_the_socket_in_under_each_accepted_key(string key, bool bearerPrefix)
    {
        var token = gateway.Services.GetRequiredService<TokenIssuer>().Issue(3, "Customer 3", isAdmin: false);

        // The subscription only starts for a signed-in caller: reaching the bus proves the sign-in.
        var subscriber = SubscribeToOrdersAsync(new Dictionary<string, string> { [key] = bearerPrefix ? $"Bearer {token}" : token }, expected: 1);
        var bus = gateway.Services.GetRequiredService<Gateway.Messaging.InMemoryTopicEventBus>();
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, 1), "the signed-in subscription never reached the event bus");
        await bus.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(OrderIdOf(3), 3, OrderStatus.Pending, OrderStatus.Paid));

        var output = await subscriber;
        Assert.True((bool)output["acknowledged"]!);
        Assert.Single(output["results"]!.AsArray());
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, 0));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"id":"1"}""")]
    public async Task A_malformed_message_closes_the_socket_with_4400(string message)
    {
        var output = await StorefrontWsClient.SendMalformedAsync(gateway, message);

        Assert.Equal(4400, (int)output["closeCode"]!);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> SubscribeToOrdersAsync(object connectionParams, int? expected = null)
    {
        var document = StorefrontWsClient.DocumentFile(OnOrderStatusChanged);
        try
        {
            return await StorefrontWsClient.SubscribeAsync(gateway, document, new { }, expected, connectionParams);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private int OrderIdOf(int customerId)
    {
        using var db = gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContext();
        return db.Orders.Where(o => o.CustomerId == customerId).Select(o => o.Id).First();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
