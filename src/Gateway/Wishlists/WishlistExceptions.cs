using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Wishlists;

/// <summary>The product is already on the customer's wishlist (<c>AlreadyInWishlistError</c>).</summary>
[Description("The product is already on the customer's wishlist.")]
public sealed class AlreadyInWishlistException(int productId) : DomainException("This product is already on your wishlist.")
{
    [GlobalId<Product>]
    public int ProductId { get; } = productId;
}

/// <summary>The product is not on the customer's wishlist (<c>NotInWishlistError</c>).</summary>
[Description("The product is not on the customer's wishlist.")]
public sealed class NotInWishlistException(int productId) : DomainException("This product is not on your wishlist.")
{
    [GlobalId<Product>]
    public int ProductId { get; } = productId;
}
