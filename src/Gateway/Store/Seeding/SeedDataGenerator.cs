using System.Globalization;
using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Inventory;
using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Wishlists;
using static Gateway.Store.Seeding.SeedVocabulary;

namespace Gateway.Store.Seeding;

/// <summary>All rows of a seeded store, with their ids already assigned.</summary>
internal sealed record SeedData(
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Review> Reviews,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<OrderLine> OrderLines,
    IReadOnlyList<Warehouse> Warehouses,
    IReadOnlyList<StockLevel> StockLevels,
    IReadOnlyList<WishlistItem> WishlistItems);

/// <summary>
/// Generates the seed data deterministically: one seeded <see cref="Random"/> per table (<see cref="SeedRandom"/>), ids
/// assigned in order and instants counted from a fixed epoch, so the same scale always yields the same rows, ids and
/// values, and a new table's generator changes no other table's rows.
/// Scale 1: 40 categories, 1,000 products, 500 customers, 10,000 reviews, 2,000 orders, 4 warehouses, about 1,250
/// wishlist items.
/// </summary>
internal static class SeedDataGenerator
{
    public const int ProductsPerScale = 1_000;
    public const int CustomersPerScale = 500;
    public const int ReviewsPerScale = 10_000;
    public const int OrdersPerScale = 2_000;

    /// <summary>The store's "now": seed instants lie before it, so the data reads the same on any day.</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static SeedData Generate(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        var categories = GenerateCategories();
        var products = GenerateProducts(scale, categories);
        var customers = GenerateCustomers(scale);
        var reviews = GenerateReviews(scale, products, customers);
        ApplyRatingAggregates(products, reviews);
        var warehouses = GenerateWarehouses();
        var stock = GenerateStock(scale, products, warehouses);
        var (orders, lines) = GenerateOrders(scale, products, customers);
        var wishlistItems = WishlistSeed.Generate(scale, products, customers);
        return new SeedData(categories, products, customers, reviews, orders, lines, warehouses, stock, wishlistItems);
    }

    internal static List<Category> GenerateCategories()
    {
        var categories = new List<Category>();
        foreach (var (rootName, leafNames) in SeedVocabulary.Categories)
        {
            var root = new Category { Id = categories.Count + 1, Name = rootName, Slug = Slugify(rootName), Depth = 0 };
            categories.Add(root);
            foreach (var leafName in leafNames)
            {
                categories.Add(new Category
                {
                    Id = categories.Count + 1, Name = leafName, Slug = Slugify(leafName), Depth = 1, ParentId = root.Id,
                });
            }
        }
        return categories;
    }

    internal static List<Product> GenerateProducts(int scale, IReadOnlyList<Category> categories)
    {
        var random = SeedRandom.For(scale, "Products");
        var leaves = categories.Where(c => c.Depth == 1).ToArray();
        var count = ProductsPerScale * scale;
        var products = new List<Product>(count);
        for (var id = 1; id <= count; id++)
        {
            var leaf = leaves[random.Next(leaves.Length)];
            var noun = Pick(random, NounsByLeaf[leaf.Name]);
            var adjective = Pick(random, Adjectives);
            var material = Pick(random, Materials);
            products.Add(new Product
            {
                Id = id,
                Sku = $"SKU-{id:D6}",
                Name = $"{adjective} {material} {noun}",
                Description = $"A {adjective.ToLowerInvariant()} {noun.ToLowerInvariant()} in {material.ToLowerInvariant()}, " +
                              $"from our {leaf.Name.ToLowerInvariant()} range. {Pick(random, ReviewSentences)}",
                Price = NextPrice(random),
                Currency = "EUR",
                CreatedAt = Epoch.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60)),
                CategoryId = leaf.Id,
                WeightGrams = ProductWeights.Of(id),
            });
        }
        return products;
    }

    /// <summary>Prices in cents, so the decimal value is exact; about one in six is under 10.</summary>
    private static decimal NextPrice(Random random)
    {
        var cents = random.Next(6) == 0
            ? random.Next(99, 1_000)
            : random.Next(1_000, 50_000);
        return Math.Round(cents / 100m - (cents % 100 == 0 ? 0.01m : 0m), 2);
    }

    internal static List<Customer> GenerateCustomers(int scale)
    {
        var random = SeedRandom.For(scale, "Customers");
        var count = CustomersPerScale * scale;
        var customers = new List<Customer>(count);
        for (var id = 1; id <= count; id++)
        {
            var first = Pick(random, FirstNames);
            var last = Pick(random, LastNames);
            customers.Add(new Customer
            {
                Id = id,
                Name = $"{first} {last}",
                Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{id}@example.com",
                MemberSince = Epoch.AddDays(-random.Next(30, 6 * 365)),
            });
        }
        return customers;
    }

    /// <summary>
    /// Reviews favour a popular subset of products, and one product in ten never gets any, so that both "no reviews"
    /// and "many reviews" appear on every screen.
    /// </summary>
    internal static List<Review> GenerateReviews(int scale, IReadOnlyList<Product> products, IReadOnlyList<Customer> customers)
    {
        var random = SeedRandom.For(scale, "Reviews");
        var count = ReviewsPerScale * scale;
        var reviewable = products.Where(p => p.Id % 10 != 7).ToArray();
        var taken = new HashSet<(int, int)>();
        var reviews = new List<Review>(count);
        while (reviews.Count < count && customers.Count > 0 && reviewable.Length > 0)
        {
            // Squaring skews towards the front of the array: some products collect many reviews.
            var product = reviewable[(int)(Math.Pow(random.NextDouble(), 2) * reviewable.Length)];
            var author = customers[random.Next(customers.Count)];
            if (!taken.Add((product.Id, author.Id)))
            {
                continue;
            }
            var rating = NextRating(random);
            reviews.Add(new Review
            {
                Id = reviews.Count + 1,
                ProductId = product.Id,
                AuthorId = author.Id,
                Rating = rating,
                Title = Pick(random, ReviewTitles[rating - 1]),
                Body = random.Next(5) == 0 ? null : $"{Pick(random, ReviewSentences)} {Pick(random, ReviewSentences)}",
                CreatedAt = Between(random, Max(product.CreatedAt, author.MemberSince), Epoch),
            });
        }
        return reviews;
    }

    /// <summary>
    /// The aggregates the review service keeps on each product, as they would stand after inserting these reviews one
    /// by one: derived from the reviews, so the products' own generator stays independent of the reviews'.
    /// </summary>
    private static void ApplyRatingAggregates(IReadOnlyList<Product> products, IReadOnlyList<Review> reviews)
    {
        var byId = products.ToDictionary(p => p.Id);
        foreach (var review in reviews)
        {
            var product = byId[review.ProductId];
            product.ReviewCount++;
            product.RatingSum += review.Rating;
        }
    }

    private static Warehouse[] GenerateWarehouses() =>
        Warehouses.Select((w, i) => new Warehouse { Id = i + 1, Name = w.Name, City = w.City }).ToArray();

    private static int NextRating(Random random) => random.Next(100) switch
    {
        < 5 => 1,
        < 12 => 2,
        < 30 => 3,
        < 65 => 4,
        _ => 5,
    };

    /// <summary>Every product has a level in every warehouse; about one product in twelve is out of stock everywhere.</summary>
    internal static List<StockLevel> GenerateStock(int scale, IReadOnlyList<Product> products, IReadOnlyList<Warehouse> warehouses)
    {
        var random = SeedRandom.For(scale, "StockLevels");
        var stock = new List<StockLevel>(products.Count * warehouses.Count);
        foreach (var product in products)
        {
            var soldOut = random.Next(12) == 0;
            foreach (var warehouse in warehouses)
            {
                stock.Add(new StockLevel
                {
                    ProductId = product.Id,
                    WarehouseId = warehouse.Id,
                    Quantity = soldOut || random.Next(4) == 0 ? 0 : random.Next(1, 120),
                });
            }
        }
        return stock;
    }

    /// <summary>Orders and their lines: one generator, since a line belongs to the order generated just before it.</summary>
    internal static (List<Order>, List<OrderLine>) GenerateOrders(int scale, IReadOnlyList<Product> products, IReadOnlyList<Customer> customers)
    {
        var random = SeedRandom.For(scale, "Orders");
        var count = OrdersPerScale * scale;
        var statuses = Enum.GetValues<OrderStatus>();
        var orders = new List<Order>(count);
        var lines = new List<OrderLine>(count * 3);
        for (var id = 1; id <= count && customers.Count > 0 && products.Count > 0; id++)
        {
            var customer = customers[random.Next(customers.Count)];
            orders.Add(new Order
            {
                Id = id,
                CustomerId = customer.Id,
                // Cycling through the statuses guarantees that every status is present at every scale.
                Status = statuses[(id - 1) % statuses.Length],
                PlacedAt = Between(random, customer.MemberSince, Epoch),
            });
            var lineCount = random.Next(1, 6);
            var used = new HashSet<int>();
            for (var i = 0; i < lineCount; i++)
            {
                var product = products[random.Next(products.Count)];
                if (!used.Add(product.Id))
                {
                    continue;
                }
                lines.Add(new OrderLine
                {
                    Id = lines.Count + 1, OrderId = id, ProductId = product.Id, Quantity = random.Next(1, 4), UnitPrice = product.Price,
                });
            }
        }
        return (orders, lines);
    }

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    internal static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>A whole second strictly between two instants (or just after <paramref name="from"/> when they are close).</summary>
    internal static DateTime Between(Random random, DateTime from, DateTime to) =>
        from.AddSeconds(1 + random.NextInt64(Math.Max(1, (long)(to - from).TotalSeconds - 1)));

    private static string Slugify(string name) =>
        string.Join('-', name.ToLower(CultureInfo.InvariantCulture).Replace("&", " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
