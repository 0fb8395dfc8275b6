using Gateway.EntityFramework;

namespace Gateway.Reviews;

public static class ReviewsModule
{
    /// <summary>Reviews, and what they add to products (reviews, rating) and customers (reviews).</summary>
    public static IServiceCollection AddReviewsModule(this IServiceCollection services) => services
        .AddEntityType<ReviewType>()
        .AddEmbeddedType<RatingType>()
        .AddEntityTypeExtension<ProductReviewFields>()
        .AddEntityTypeExtension<CustomerReviewFields>()
        .AddEntityQueries<ReviewQueries>();
}
