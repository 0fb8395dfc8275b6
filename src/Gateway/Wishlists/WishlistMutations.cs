using Gateway.Auth;
using Gateway.Catalog;
using Gateway.Customers;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Wishlists;

/// <summary><c>addToWishlist</c> and <c>removeFromWishlist</c>: the signed-in customer's own wishlist.</summary>
public sealed class WishlistMutations : MutationFields
{
    public WishlistMutations()
    {
        Mutation<AddToWishlistInput, WishlistService, WishlistItem>("addToWishlist", (input, wishlists, context) =>
                wishlists.AddAsync(context.RequireCustomerId(), input.ProductId, context.CancellationToken))
            .Description("Adds a product to the signed-in customer's wishlist: once per product.")
            .Authorize(CustomerPolicies.SignedIn)
            .Error<AlreadyInWishlistException>()
            .Error<ProductNotFoundException>();

        // Returns the product, since the item is gone: a storefront's heart toggle re-reads what it shows.
        Mutation<RemoveFromWishlistInput, WishlistService, Product>("removeFromWishlist", (input, wishlists, context) =>
                wishlists.RemoveAsync(context.RequireCustomerId(), input.ProductId, context.CancellationToken))
            .Description("Takes a product off the signed-in customer's wishlist.")
            .Authorize(CustomerPolicies.SignedIn)
            .Error<NotInWishlistException>()
            .Error<ProductNotFoundException>();
    }
}
