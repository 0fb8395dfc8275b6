using Gateway.Auth;
using Gateway.Errors;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Reviews;

/// <summary><c>addReview(input: AddReviewInput!): AddReviewPayload!</c>, for signed-in customers.</summary>
public static class ReviewMutations
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<AddReviewPayloadType>>("addReview")
            .Description("Reviews a product as the signed-in customer: one review per customer and product.")
            .Argument<NonNullGraphType<AddReviewInputType>>("input")
            .ResolveAsync(async context =>
            {
                var authorId = context.RequireCustomerId();
                return await MutationErrors<AddReviewErrorType>.RunAsync(context, async () =>
                {
                    var input = context.GetArgument<Dictionary<string, object?>>("input");
                    var review = await context.RequestServices!.GetRequiredService<ReviewService>().AddReviewAsync(authorId, new AddReviewInput(
                        InputIds.Decode(input["productId"], "Product", "productId"),
                        (int)input["rating"]!,
                        (string)input["title"]!,
                        input.GetValueOrDefault("body") as string), context.CancellationToken);
                    return review.Id;
                });
            });
}
