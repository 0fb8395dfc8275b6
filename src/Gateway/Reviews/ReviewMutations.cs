using Gateway.Auth;
using Gateway.Customers;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;
using GraphQL;

namespace Gateway.Reviews;

/// <summary><c>addReview(input: AddReviewInput!): AddReviewPayload!</c>, for signed-in customers.</summary>
public sealed class ReviewMutations : MutationFields
{
    public ReviewMutations() =>
        Mutation<AddReviewInput, ReviewService, Review>("addReview", AddReviewAsync)
            .Description("Reviews a product as the signed-in customer: one review per customer and product.")
            .Authorize(CustomerPolicies.SignedIn)
            .Error<DuplicateReviewException>()
            .Error<ProductNotFoundException>();

    private static Task<Review> AddReviewAsync(AddReviewInput input, ReviewService reviews, IResolveFieldContext context) =>
        reviews.AddReviewAsync(context.RequireCustomerId(), input, context.CancellationToken);
}
