using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;

namespace Gateway.Wishlists;

/// <summary>The product to keep for later (<c>AddToWishlistInput</c>).</summary>
public sealed record AddToWishlistInput([GlobalId<Product>] int ProductId);
