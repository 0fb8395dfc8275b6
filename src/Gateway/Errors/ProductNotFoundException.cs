namespace Gateway.Errors;

/// <summary>The input names a product the store does not have (<c>ProductNotFoundError</c>).</summary>
public sealed class ProductNotFoundException(int productId) : DomainException("The product does not exist.")
{
    public int ProductId { get; } = productId;
}
