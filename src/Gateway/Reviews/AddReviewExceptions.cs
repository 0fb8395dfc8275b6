using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Reviews;

/// <summary>The customer has already reviewed this product (<c>DuplicateReviewError</c>).</summary>
[Description("The customer has already reviewed this product.")]
public sealed class DuplicateReviewException(int productId) : DomainException("You have already reviewed this product.")
{
    [GlobalId<Product>]
    public int ProductId { get; } = productId;
}
