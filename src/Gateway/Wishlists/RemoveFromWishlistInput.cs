using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;

namespace Gateway.Wishlists;

/// <summary>The product to take off the wishlist (<c>RemoveFromWishlistInput</c>): by product, as a storefront's heart toggle knows it.</summary>
public sealed record RemoveFromWishlistInput([GlobalId<Product>] int ProductId);
