using Gateway.EntityFramework.Relay;
using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Reviews;

/// <summary><c>DuplicateReviewError { message productId }</c>.</summary>
public sealed class DuplicateReviewErrorType : ErrorObjectType<DuplicateReviewException>
{
    public DuplicateReviewErrorType() : base("The customer has already reviewed this product.") =>
        Field<NonNullGraphType<IdGraphType>>("productId").Resolve(context => GlobalId.Encode("Product", context.Source.ProductId));
}

/// <summary><c>union AddReviewError = DuplicateReviewError | ProductNotFoundError | ValidationError</c>.</summary>
public sealed class AddReviewErrorType : UnionGraphType
{
    public AddReviewErrorType()
    {
        Name = "AddReviewError";
        Type<DuplicateReviewErrorType>();
        Type<ProductNotFoundErrorType>();
        Type<ValidationErrorType>();
    }
}
