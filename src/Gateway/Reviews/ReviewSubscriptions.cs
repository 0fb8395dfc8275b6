using System.Globalization;
using Gateway.EntityFramework;
using Gateway.EntityFramework.Relay;
using Gateway.Http.Subscriptions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Reviews;

/// <summary><c>onReviewAdded(productId: ID!): Review!</c>: reviews added to one product, for an open product page.</summary>
public static class ReviewSubscriptions
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field("onReviewAdded", new NonNullGraphType(new GraphQLTypeReference("Review")))
            .Description("Streams the reviews added to this product from now on. Anyone may subscribe.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product's global id.")
            .ResolveStream(context =>
            {
                var productId = ProductIdOf(context.GetArgument<string>("productId"));
                return context.RequestServices!.GetRequiredService<ITopicEventBus>().Subscribe<ReviewAdded>(ReviewTopics.ReviewsOf(productId));
            })
            // Each event carries keys only: the review is read from the store (a DbContext of its own, from the
            // factory) and projected for this subscription's selection, as a query reaching it would be.
            .ResolveAsync(async context => await context.LoadEntityAsync<Review>(((ReviewAdded)context.Source!).ReviewId));

    // The stream is refused up front rather than left silent forever on an id that can never match.
    private static int ProductIdOf(string? id) =>
        GlobalId.TryDecode(id, out var type, out var key)
        && type == "Product"
        && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var productId)
            ? productId
            : throw new ExecutionError($"'{id}' is not a valid Product id.") { Code = "INVALID_ID" };
}
