using System.Globalization;
using Gateway.EntityFramework;
using Gateway.EntityFramework.RootTypes;
using Gateway.EntityFramework.Relay;
using Gateway.Messaging;
using Gateway.Store;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Reviews;

/// <summary><c>onReviewAdded(productId: ID!): Review!</c>: reviews added to one product, for an open product page.</summary>
public sealed class ReviewSubscriptions : SubscriptionFields
{
    public ReviewSubscriptions() =>
        Field("onReviewAdded", new NonNullGraphType(new GraphQLTypeReference("Review")))
            .Description("Streams the reviews added to this product from now on. Anyone may subscribe.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product's global id.")
            .ResolveStreamAsync(async context =>
            {
                var productId = await ExistingProductIdAsync(context, context.GetArgument<string>("productId"));
                return context.RequestServices!.GetRequiredService<ITopicEventBus>().Subscribe<ReviewAdded>(ReviewTopics.ReviewsOf(productId));
            })
            // Each event carries keys only: the review is read from the store (a DbContext of its own, from the
            // factory) and projected for this subscription's selection, as a query reaching it would be.
            .ResolveAsync(async context => await context.LoadEntityAsync<Review>(((ReviewAdded)context.Source!).ReviewId));

    // Refused up front rather than left silent forever on an id that can never match.
    private static async Task<int> ExistingProductIdAsync(IResolveFieldContext context, string? id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key)
            || type != "Product"
            || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var productId))
        {
            throw new ExecutionError($"'{id}' is not a valid Product id.") { Code = "INVALID_ID" };
        }

        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<StoreDbContext>>()
            .CreateDbContextAsync(context.CancellationToken);
        return await db.Products.AnyAsync(p => p.Id == productId, context.CancellationToken)
            ? productId
            : throw new ExecutionError($"No product has the id '{id}'.") { Code = "NOT_FOUND" };
    }
}
