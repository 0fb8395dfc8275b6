using System.ComponentModel;
using Gateway.EntityFramework.Mutations;

namespace Gateway.Errors;

/// <summary>The input names a product the store does not have (<c>ProductNotFoundError</c>).</summary>
[Description("The input names a product the store does not have.")]
public sealed class ProductNotFoundException(int productId) : DomainException("The product does not exist.")
{
    // By name: this shared folder depends on no module, Catalog included.
    [GlobalId("Product")]
    public int ProductId { get; } = productId;
}
