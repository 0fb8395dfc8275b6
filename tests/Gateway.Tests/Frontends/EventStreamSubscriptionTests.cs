using System.Net;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Http.Tests.Sse;
using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Safety;
using Gateway.Tests.Subscriptions;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The storefront's subscriptions over Server-Sent Events on Kestrel, with the bearer token in the Authorization
/// header: the same authentication, authorization and limits as over the WebSocket, with the same error codes.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class EventStreamSubscriptionTests(KestrelGatewayFactory gateway)
{
    private const string OnOrderStatusChanged = "subscription { onOrderStatusChanged { id status customer { id } } }";

    private HttpClient Client() => new() { BaseAddress = gateway.GraphQLEndpoint, Timeout = TimeSpan.FromSeconds(60) };

    private string TokenFor(int customerId, bool admin = false) =>
        gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    private static CancellationToken Within(int seconds = 20) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    private static IEnumerable<string?> Codes(JsonNode? errors) =>
        errors?.AsArray().Select(error => (string?)error?["extensions"]?["code"]) ?? [];

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

    [Fact]
    public async Task A_subscription_over_the_depth_limit_is_refused_with_the_same_code_as_over_http_and_websocket()
    {
        // onReviewAdded { product { reviews { nodes { product ... } } } }: 13 fields deep, the limit is 12.
        var tooDeep = "subscription($id: ID!) { onReviewAdded(productId: $id) { "
            + string.Concat(Enumerable.Repeat("product { reviews(first: 1) { nodes { ", 4)) + "id" + string.Concat(Enumerable.Repeat(" } } }", 4)) + " } }";
        var variables = new { id = GlobalId.Encode("Product", 1) };
        using var client = Client();

        using var overHttp = await client.PostAsync("/graphql", System.Net.Http.Json.JsonContent.Create(new { query = tooDeep, variables }));
        var httpCodes = Codes(JsonNode.Parse(await overHttp.Content.ReadAsStringAsync())?["errors"]).ToList();
        var (overWebSocket, _) = await WebSocketProbe.SubscribeAsync(gateway.BaseAddress, tooDeep, variables);
        await using var stream = await EventStreamClient.OpenAsync(client, new { query = tooDeep, variables });
        var next = await stream.ReadEventAsync(Within());
        var complete = await stream.ReadEventAsync(Within());

        Assert.Contains("MAX_EXECUTION_DEPTH_EXCEEDED", httpCodes);
        Assert.Equal("error", (string?)overWebSocket?["type"]);
        Assert.Equal(httpCodes, Codes(overWebSocket?["payload"]));
        // The stream is accepted (200) and the refusal is its one 'next' event, then 'complete'; nothing was subscribed.
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("next", next?.Event);
        Assert.Null(next?.Data?["data"]);
        Assert.Equal(httpCodes, Codes(next?.Data?["errors"]));
        Assert.Equal("complete", complete?.Event);
        Assert.Equal(0, gateway.Services.GetRequiredService<InMemoryTopicEventBus>().SubscriberCount(ReviewTopics.ReviewsOf(1)));
    }

    [Fact]
    public async Task Another_customers_order_change_never_reaches_a_customers_stream()
    {
        // As over the WebSocket (OrderSubscriptionTests): onOrderStatusChanged takes no order, so a customer cannot ask
        // for someone else's; the stream carries the changes of the caller's own orders and silently skips the rest.
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var own = await db.Orders.OrderBy(o => o.Id).Select(o => new { o.Id, o.CustomerId, o.Status }).FirstAsync();
        var other = await db.Orders.Where(o => o.CustomerId != own.CustomerId).OrderBy(o => o.Id).Select(o => new { o.Id, o.CustomerId, o.Status }).FirstAsync();
        using var client = Client();
        var bus = gateway.Services.GetRequiredService<InMemoryTopicEventBus>();
        var before = bus.SubscriberCount(OrderTopics.StatusChanges);

        var stream = await EventStreamClient.OpenAsync(client, new { query = OnOrderStatusChanged }, bearerToken: TokenFor(own.CustomerId));
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, before + 1), "the SSE subscription never reached the event bus");
        // The other customer's change first, then the customer's own as the sentinel: had the first leaked, it would
        // be the first event.
        await bus.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(other.Id, other.CustomerId, other.Status, other.Status));
        await bus.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(own.Id, own.CustomerId, own.Status, own.Status));
        var next = await stream.ReadEventAsync(Within());
        await stream.DisposeAsync();

        // Released before the next test of the collection counts the topic's subscribers.
        Assert.True(await bus.WaitForSubscribersAsync(OrderTopics.StatusChanges, before), "the closed stream still holds its subscription");
        Assert.Equal("next", next?.Event);
        Assert.Null(next?.Data?["errors"]);
        Assert.Equal(GlobalId.Encode("Order", own.Id), (string?)next?.Data?["data"]?["onOrderStatusChanged"]?["id"]);
        Assert.Equal(GlobalId.Encode("Customer", own.CustomerId), (string?)next?.Data?["data"]?["onOrderStatusChanged"]?["customer"]?["id"]);
    }

    [Fact]
    public async Task Another_customers_private_field_in_an_event_is_the_same_authorization_error_as_over_the_websocket()
    {
        // A signed-in customer watching a product selects the author's email: another customer's, so the event comes
        // with the email null and AUTH_NOT_AUTHORIZED at its path, over SSE exactly as over graphql-ws.
        const string WithEmail = "subscription($productId: ID!) { onReviewAdded(productId: $productId) { id author { id email } } }";
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var review = await db.Reviews.OrderBy(r => r.Id).Select(r => new { r.Id, r.ProductId, r.AuthorId }).FirstAsync();
        var viewerId = await db.Customers.Where(c => c.Id != review.AuthorId).Select(c => c.Id).FirstAsync();
        var variables = new { productId = GlobalId.Encode("Product", review.ProductId) };
        var topic = ReviewTopics.ReviewsOf(review.ProductId);
        var bus = gateway.Services.GetRequiredService<InMemoryTopicEventBus>();
        var before = bus.SubscriberCount(topic);
        using var client = Client();
        var document = StorefrontWsClient.DocumentFile(WithEmail);
        try
        {
            var overWebSocket = StorefrontWsClient.SubscribeAsync(
                gateway, document, variables, expected: 1, connectionParams: new { authorization = $"Bearer {TokenFor(viewerId)}" });
            var stream = await EventStreamClient.OpenAsync(client, new { query = WithEmail, variables }, bearerToken: TokenFor(viewerId));
            Assert.True(await bus.WaitForSubscribersAsync(topic, before + 2), "the subscriptions never reached the event bus");

            await bus.PublishAsync(topic, new ReviewAdded(review.ProductId, review.Id));
            var next = (await stream.ReadEventAsync(Within()))?.Data;
            var socketResult = Assert.Single((await overWebSocket)["results"]!.AsArray());
            await stream.DisposeAsync();

            // Both released before the next test of the collection counts the topic's subscribers.
            Assert.True(await bus.WaitForSubscribersAsync(topic, before), "a finished subscription still holds its bus subscriber");

            var error = Assert.Single(next?["errors"]!.AsArray()!);
            Assert.Equal(AuthorizationErrors.NotAuthorizedCode, (string?)error?["extensions"]?["code"]);
            Assert.Equal("""["onReviewAdded","author","email"]""", error?["path"]?.ToJsonString());
            Assert.Equal(GlobalId.Encode("Customer", review.AuthorId), (string?)next?["data"]?["onReviewAdded"]?["author"]?["id"]);
            Assert.Null(next?["data"]?["onReviewAdded"]?["author"]?["email"]);
            Assert.Equal(next?.ToJsonString(), socketResult?.ToJsonString());
        }
        finally
        {
            File.Delete(document);
        }
    }
}
