using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Messaging;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Subscriptions;

/// <summary>
/// <c>onOrderStatusChanged</c> through the graphql-ws client: each customer sees only their own orders' changes, an
/// admin sees all, an anonymous caller is refused; the changes come from <c>updateOrderStatus</c> over HTTP.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class OrderSubscriptionTests(KestrelGatewayFactory gateway)
{
    private const string OnOrderStatusChanged = "subscription { onOrderStatusChanged { id status customer { id } } }";

    private const string UpdateOrderStatus = """
        mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(input: { orderId: $id, status: $status }) {
          order { id status } errors { __typename ... on Error { message } } } }
        """;

    private InMemoryTopicEventBus Bus => gateway.Services.GetRequiredService<InMemoryTopicEventBus>();

    private string TokenFor(int customerId, bool admin = false) =>
        gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    [Fact]
    public async Task Owners_see_their_own_orders_changes_and_admins_see_all()
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        // Two steps ahead of each order: PENDING → PAID → SHIPPED.
        var orders = await db.Orders.Where(o => o.Status == OrderStatus.Pending).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CustomerId }).ToListAsync();
        var first = orders[0];
        var second = orders.First(o => o.CustomerId != first.CustomerId);
        var adminId = await db.Customers.Where(c => c.Id != first.CustomerId && c.Id != second.CustomerId).Select(c => c.Id).FirstAsync();
        var document = StorefrontWsClient.DocumentFile(OnOrderStatusChanged);
        try
        {
            // Sockets are dropped without 'complete' afterwards: the server must still release their subscriptions.
            // Each expects its changes and one sentinel: nothing else may arrive before that.
            var owner = Subscribe(document, TokenFor(first.CustomerId), expected: 3);
            var otherCustomer = Subscribe(document, TokenFor(second.CustomerId), expected: 3);
            var admin = Subscribe(document, TokenFor(adminId, admin: true), expected: 6);
            Assert.True(await Bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, 3), "the subscriptions never reached the event bus");

            // Interleaved, so that a change leaking to the wrong customer would arrive among the expected ones.
            using var http = new HttpClient { BaseAddress = gateway.GraphQLEndpoint };
            var adminToken = TokenFor(adminId, admin: true);
            foreach (var (order, status) in new[] { (first.Id, "PAID"), (second.Id, "PAID"), (first.Id, "SHIPPED"), (second.Id, "SHIPPED") })
            {
                var data = await http.QueryAsync(UpdateOrderStatus, new { id = GlobalId.Encode("Order", order), status }, adminToken);
                Assert.Null(data["updateOrderStatus"]!["errors"]);
            }
            // The sentinels, one per customer, after every real change: a change that leaked to the wrong customer
            // would have arrived before that customer's sentinel and taken its place among the counted results.
            await Bus.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(first.Id, first.CustomerId, OrderStatus.Shipped, OrderStatus.Shipped));
            await Bus.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(second.Id, second.CustomerId, OrderStatus.Shipped, OrderStatus.Shipped));

            AssertChanges(await owner, first.CustomerId, first.Id, first.Id, first.Id);
            AssertChanges(await otherCustomer, second.CustomerId, second.Id, second.Id, second.Id);
            AssertChanges(await admin, customerId: null, first.Id, first.Id, second.Id, second.Id, first.Id, second.Id);

            Assert.True(await Bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, 0), "closed sockets still hold bus subscribers");
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task An_anonymous_subscriber_gets_an_authentication_error_and_no_stream()
    {
        var document = StorefrontWsClient.DocumentFile(OnOrderStatusChanged);
        try
        {
            var output = await StorefrontWsClient.SubscribeAsync(gateway, document, new { }, expected: null);

            Assert.True((bool)output["acknowledged"]!, "an anonymous socket is accepted; only the field refuses it");
            var error = Assert.Single(ReviewSubscriptionTests.ErrorsOf(output))!;
            Assert.Equal(AuthorizationErrors.NotAuthenticatedCode, (string?)error["extensions"]!["code"]);
            Assert.Equal(0, Bus.SubscriberCount(OrderTopics.StatusChanges));
        }
        finally
        {
            File.Delete(document);
        }
    }

    private Task<JsonObject> Subscribe(string document, string token, int expected) =>
        StorefrontWsClient.SubscribeAsync(
            gateway, document, new { }, expected,
            connectionParams: new { authorization = $"Bearer {token}" }, closeWithoutComplete: true);

    /// <summary>
    /// The changes received are those of <paramref name="orderIds"/> (one per change and sentinel, compared as a
    /// set of counts), each of the customer's. An event pushes the order as it is when the event is resolved, so an
    /// early event may already show the later status; the last change of each order must show SHIPPED.
    /// </summary>
    private static void AssertChanges(JsonObject output, int? customerId, params int[] orderIds)
    {
        Assert.Null(output["errors"]);
        Assert.False((bool)output["timedOut"]!, $"too few changes arrived: {output.ToJsonString()}");
        var orders = output["results"]!.AsArray().Select(result =>
        {
            Assert.Null(result!["errors"]);
            var order = result["data"]!["onOrderStatusChanged"]!;
            if (customerId is { } id)
            {
                Assert.Equal(GlobalId.Encode("Customer", id), (string?)order["customer"]!["id"]);
            }
            return (Id: (string)order["id"]!, Status: (string)order["status"]!);
        }).ToList();

        Assert.Equal(orderIds.Select(id => GlobalId.Encode("Order", id)).Order(), orders.Select(o => o.Id).Order());
        Assert.All(orders, o => Assert.Contains(o.Status, new[] { "PAID", "SHIPPED" }));
        Assert.All(orders.GroupBy(o => o.Id), changes => Assert.Contains("SHIPPED", changes.Select(o => o.Status)));
    }
}
