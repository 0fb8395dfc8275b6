using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Subscriptions;

/// <summary>
/// The OnReviewAdded screen, exactly as the contract writes it, through the graphql-ws client against the gateway on
/// Kestrel; the event comes from the AddReview screen posted over HTTP by a signed-in customer.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class ReviewSubscriptionTests(KestrelGatewayFactory gateway)
{
    private static readonly string OnReviewAdded = Path.Combine(ContractPaths.Screens, "OnReviewAdded.graphql");

    private InMemoryTopicEventBus Bus => gateway.Services.GetRequiredService<InMemoryTopicEventBus>();

    private string TokenFor(int customerId) => gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", isAdmin: false);

    [Fact]
    public async Task A_review_added_over_http_reaches_the_product_page_with_its_author_and_the_updated_rating()
    {
        const int authorId = 7;
        const int viewerId = 8;
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var product = await db.Products.Where(p => !db.Reviews.Any(r => r.ProductId == p.Id && r.AuthorId == authorId)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, Ratings = db.Reviews.Where(r => r.ProductId == p.Id).Select(r => r.Rating).ToList() }).FirstAsync();
        var authorName = await db.Customers.Where(c => c.Id == authorId).Select(c => c.Name).SingleAsync();
        var productId = GlobalId.Encode("Product", product.Id);
        var topic = ReviewTopics.ReviewsOf(product.Id);

        var subscriber = StorefrontWsClient.SubscribeAsync(
            gateway, OnReviewAdded, new { productId }, expected: 2,
            connectionParams: new { authorization = $"Bearer {TokenFor(viewerId)}" });
        Assert.True(await Bus.WaitForSubscribersAsync(topic, 1), "the subscription never reached the event bus");

        using var http = new HttpClient { BaseAddress = gateway.GraphQLEndpoint };
        var added = await http.QueryAsync(
            GraphQLHttp.Screen("AddReview"), new { productId, rating = 2, title = "Live from the socket", body = (string?)null }, TokenFor(authorId));
        var review = added["addReview"]!["review"]!;
        // The sentinel: published after the review, so a second push of the review would come before it.
        var addedId = ReviewIdOf(review);
        var sentinelId = await db.Reviews.Where(r => r.Id != addedId).Select(r => r.Id).FirstAsync();
        await Bus.PublishAsync(topic, new ReviewAdded(product.Id, sentinelId));

        var output = await subscriber;
        Assert.True((bool)output["acknowledged"]!);
        Assert.Null(output["errors"]);
        var results = output["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(GlobalId.Encode("Review", sentinelId), (string?)results[1]!["data"]!["onReviewAdded"]!["id"]);
        var result = results[0]!;
        Assert.Null(result["errors"]);
        var pushed = result["data"]!["onReviewAdded"]!;
        Assert.Equal((string?)review["id"], (string?)pushed["id"]);
        Assert.Equal(2, (int)pushed["rating"]!);
        Assert.Equal("Live from the socket", (string?)pushed["title"]);
        Assert.Equal(authorName, (string?)pushed["author"]!["name"]);
        Assert.Equal(productId, (string?)pushed["product"]!["id"]);
        var ratings = product.Ratings.Append(2).ToList();
        Assert.Equal(ratings.Count, (int)pushed["product"]!["rating"]!["count"]!);
        Assert.Equal(ratings.Average(), (double)pushed["product"]!["rating"]!["average"]!, precision: 6);
        // Only the contract's fields: the projection answered the selection, nothing more.
        Assert.Equal(["id", "rating", "title", "author", "product"], pushed.AsObject().Select(p => p.Key));

        Assert.True(await Bus.WaitForSubscribersAsync(topic, 0), "the completed subscription still holds its bus subscriber");
    }

    [Fact]
    public async Task Reviews_of_other_products_are_not_pushed()
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var ids = await db.Products.OrderByDescending(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var watched = ids[0];
        var other = ids[1];

        var subscriber = StorefrontWsClient.SubscribeAsync(
            gateway, OnReviewAdded, new { productId = GlobalId.Encode("Product", watched) }, expected: 1);
        Assert.True(await Bus.WaitForSubscribersAsync(ReviewTopics.ReviewsOf(watched), 1), "the subscription never reached the event bus");

        // Published in this order, and the bus keeps each subscriber's order: had the other product's review leaked,
        // it would be the first result.
        var reviewIds = await db.Reviews.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        await Bus.PublishAsync(ReviewTopics.ReviewsOf(other), new ReviewAdded(other, reviewIds[0]));
        await Bus.PublishAsync(ReviewTopics.ReviewsOf(watched), new ReviewAdded(watched, reviewIds[1]));

        var output = await subscriber;
        var result = Assert.Single(output["results"]!.AsArray())!;
        Assert.Equal(GlobalId.Encode("Review", reviewIds[1]), (string?)result["data"]!["onReviewAdded"]!["id"]);
    }

    [Theory]
    [InlineData("not-a-global-id")]
    [InlineData("Q3VzdG9tZXI6MQ==")] // Customer:1
    [InlineData("UHJvZHVjdDphYmM=")] // Product:abc
    public async Task A_product_id_that_is_malformed_or_of_another_type_is_a_field_error(string productId)
    {
        var output = await StorefrontWsClient.SubscribeAsync(gateway, OnReviewAdded, new { productId }, expected: null);

        var errors = ErrorsOf(output);
        var error = Assert.Single(errors)!;
        Assert.Equal("INVALID_ID", (string?)error["extensions"]?["code"]);
        Assert.Contains(productId, (string?)error["message"]);
    }

    [Fact]
    public async Task An_unknown_product_is_a_field_error()
    {
        var productId = GlobalId.Encode("Product", int.MaxValue);

        var output = await StorefrontWsClient.SubscribeAsync(gateway, OnReviewAdded, new { productId }, expected: null);

        var error = Assert.Single(ErrorsOf(output))!;
        Assert.Equal("NOT_FOUND", (string?)error["extensions"]?["code"]);
        Assert.Equal(0, Bus.SubscriberCount(ReviewTopics.ReviewsOf(int.MaxValue)));
    }

    private static int ReviewIdOf(JsonNode review) =>
        GlobalId.TryParse<int>((string?)review["id"], "Review", out var id) ? id : throw new InvalidOperationException($"not a review id: {review["id"]}");

    /// <summary>A failed subscription comes as one result holding errors (then complete), or as an error message.</summary>
    internal static JsonArray ErrorsOf(JsonObject output)
    {
        if (output["errors"] is JsonArray errors)
        {
            return errors;
        }
        var result = Assert.Single(output["results"]!.AsArray())!;
        Assert.True((bool)output["completed"]!, "the failed subscription was not completed");
        return result["errors"]!.AsArray();
    }
}
