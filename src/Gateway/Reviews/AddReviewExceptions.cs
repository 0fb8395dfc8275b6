using Gateway.Errors;

namespace Gateway.Reviews;

/// <summary>The customer has already reviewed this product (<c>DuplicateReviewError</c>).</summary>
public sealed class DuplicateReviewException(int productId) : DomainException("You have already reviewed this product.")
{
    public int ProductId { get; } = productId;
}
