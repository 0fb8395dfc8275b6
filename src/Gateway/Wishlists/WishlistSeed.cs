using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Store.Seeding;
using static Gateway.Store.Seeding.SeedDataGenerator;

namespace Gateway.Wishlists;

/// <summary>
/// Seed wishlists: up to five distinct products per customer (2.5 on average), each added after both the customer
/// joined and the product appeared. Drawn from the table's own <see cref="SeedRandom"/>, so these rows change no other
/// table's.
/// </summary>
internal static class WishlistSeed
{
    public const int MaxItemsPerCustomer = 5;

    public static List<WishlistItem> Generate(int scale, IReadOnlyList<Product> products, IReadOnlyList<Customer> customers)
    {
        var random = SeedRandom.For(scale, "WishlistItems");
        var items = new List<WishlistItem>(customers.Count * MaxItemsPerCustomer / 2);
        if (products.Count == 0)
        {
            return items;
        }
        foreach (var customer in customers)
        {
            var count = random.Next(MaxItemsPerCustomer + 1);
            var chosen = new HashSet<int>();
            for (var i = 0; i < count; i++)
            {
                var product = products[random.Next(products.Count)];
                if (!chosen.Add(product.Id))
                {
                    continue;
                }
                items.Add(new WishlistItem
                {
                    Id = items.Count + 1,
                    CustomerId = customer.Id,
                    ProductId = product.Id,
                    AddedAt = Between(random, Max(product.CreatedAt, customer.MemberSince), Epoch),
                });
            }
        }
        return items;
    }
}
