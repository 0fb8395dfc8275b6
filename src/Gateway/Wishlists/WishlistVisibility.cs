using System.Linq.Expressions;
using System.Security.Claims;
using Gateway.Auth;

namespace Gateway.Wishlists;

/// <summary>
/// The row rule of wishlist items, as private as orders: a customer sees their own, an admin every one, an anonymous
/// caller none. Declared on <see cref="WishlistItemType"/>; the engine puts it in the SQL of every path to an item.
/// </summary>
internal static class WishlistVisibility
{
    public static Expression<Func<WishlistItem, bool>>? Items(ClaimsPrincipal? user) =>
        CustomerAccess.OwnRowsOf<WishlistItem>(user, w => w.CustomerId);
}
