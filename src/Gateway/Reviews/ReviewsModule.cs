using Gateway.EntityFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Reviews;

public static class ReviewsModule
{
    /// <summary>Reviews, what they add to products (reviews, rating) and customers (reviews), <c>addReview</c> and <c>onReviewAdded</c>.</summary>
    public static IServiceCollection AddReviewsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReviewService>();
        return services
            .AddEntityType<ReviewType>()
            .AddEmbeddedType<RatingType>()
            .AddEntityTypeExtension<ProductReviewFields>()
            .AddEntityTypeExtension<CustomerReviewFields>()
            .AddEntityQueries<ReviewQueries>()
            .AddMutationFields<ReviewMutations>()
            .AddSubscriptionFields<ReviewSubscriptions>();
    }
}
