using Gateway.EntityFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Wishlists;

public static class WishlistsModule
{
    /// <summary>Wishlist items, the wishlist they add to customers, the <c>wishlistItems</c> root field and the wishlist mutations.</summary>
    public static IServiceCollection AddWishlistsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WishlistService>();
        return services
            .AddEntityType<WishlistItemType>()
            .AddEntityTypeExtension<CustomerWishlistFields>()
            .AddEntityQueries<WishlistQueries>()
            .AddMutationFields<WishlistMutations>();
    }
}
