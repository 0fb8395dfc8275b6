using Gateway.EntityFramework.Types;

namespace Gateway.Wishlists;

public sealed class WishlistItemType : EntityType<WishlistItem>
{
    public WishlistItemType()
    {
        Name = "WishlistItem";
        Id(w => w.Id);
        // A wishlist is as private as an order: the engine applies the rule on every path to an item.
        RowRule(WishlistVisibility.Items);
        Reference(w => w.Product);
        Reference(w => w.Customer);
        Field(w => w.AddedAt);
    }
}
