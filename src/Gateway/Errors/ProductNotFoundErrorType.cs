using Gateway.EntityFramework.Relay;
using GraphQL.Types;

namespace Gateway.Errors;

/// <summary><c>ProductNotFoundError { message productId }</c>.</summary>
public sealed class ProductNotFoundErrorType : ErrorObjectType<ProductNotFoundException>
{
    public ProductNotFoundErrorType() : base("The input names a product the store does not have.") =>
        Field<NonNullGraphType<IdGraphType>>("productId").Resolve(context => GlobalId.Encode("Product", context.Source.ProductId));
}
