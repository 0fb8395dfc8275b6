using GraphQL.Types;

namespace Gateway.Reviews;

/// <summary><c>input AddReviewInput { productId: ID!, rating: Int!, title: String!, body: String }</c>.</summary>
public sealed class AddReviewInputType : InputObjectGraphType
{
    public AddReviewInputType()
    {
        Name = "AddReviewInput";
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field<NonNullGraphType<IntGraphType>>("rating").Description("1 to 5 stars.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("1 to 120 characters, trimmed.");
        Field<StringGraphType>("body").Description("Up to 4,000 characters.");
    }
}
