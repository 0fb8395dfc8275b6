using Gateway.Catalog;
using Gateway.Customers;
using Gateway.EntityFramework.Relay;
using Gateway.Inventory;
using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Store.Seeding;

namespace Gateway.Tests.Correctness;

/// <summary>
/// The independent oracle: the rows a store of a given scale was seeded with, regenerated in memory by the
/// deterministic seed generator, and the derived values (ratings, stock, counts, rankings) computed with LINQ to
/// objects. Nothing here goes through EF Core or the query engine.
/// </summary>
internal sealed class StoreOracle
{
    private static readonly Dictionary<int, Lazy<StoreOracle>> _byScale = new()
    {
        [1] = new(() => new StoreOracle(SeedDataGenerator.Generate(1))),
        [20] = new(() => new StoreOracle(SeedDataGenerator.Generate(20))),
    };

    private StoreOracle(SeedData data)
    {
        Categories = data.Categories;
        Products = data.Products;
        Customers = data.Customers;
        Reviews = data.Reviews;
        Orders = data.Orders;
        OrderLines = data.OrderLines;
        Warehouses = data.Warehouses;
        StockLevels = data.StockLevels;
        CategoryById = Categories.ToDictionary(c => c.Id);
        ProductById = Products.ToDictionary(p => p.Id);
        CustomerById = Customers.ToDictionary(c => c.Id);
        WarehouseById = Warehouses.ToDictionary(w => w.Id);
        ReviewsByProduct = Reviews.ToLookup(r => r.ProductId);
        ReviewsByAuthor = Reviews.ToLookup(r => r.AuthorId);
        StockByProduct = StockLevels.ToLookup(s => s.ProductId);
        ProductsByCategory = Products.ToLookup(p => p.CategoryId);
        ChildrenByParent = Categories.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        OrdersByCustomer = Orders.ToLookup(o => o.CustomerId);
        LinesByOrder = OrderLines.ToLookup(l => l.OrderId);
        _averages = Products.ToDictionary(p => p.Id, p => ReviewsByProduct[p.Id].Select(r => (double?)r.Rating).Average());
    }

    private readonly Dictionary<int, double?> _averages;

    public static StoreOracle At(int scale) => _byScale[scale].Value;

    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyList<Product> Products { get; }
    public IReadOnlyList<Customer> Customers { get; }
    public IReadOnlyList<Review> Reviews { get; }
    public IReadOnlyList<Order> Orders { get; }
    public IReadOnlyList<OrderLine> OrderLines { get; }
    public IReadOnlyList<Warehouse> Warehouses { get; }
    public IReadOnlyList<StockLevel> StockLevels { get; }
    public IReadOnlyDictionary<int, Category> CategoryById { get; }
    public IReadOnlyDictionary<int, Product> ProductById { get; }
    public IReadOnlyDictionary<int, Customer> CustomerById { get; }
    public IReadOnlyDictionary<int, Warehouse> WarehouseById { get; }
    public ILookup<int, Review> ReviewsByProduct { get; }
    public ILookup<int, Review> ReviewsByAuthor { get; }
    public ILookup<int, StockLevel> StockByProduct { get; }
    public ILookup<int, Product> ProductsByCategory { get; }
    public ILookup<int, Category> ChildrenByParent { get; }
    public ILookup<int, Order> OrdersByCustomer { get; }
    public ILookup<int, OrderLine> LinesByOrder { get; }

    public double? AverageRating(int productId) => _averages[productId];

    public int ReviewCount(int productId) => ReviewsByProduct[productId].Count();

    public bool InStock(int productId) => StockByProduct[productId].Any(s => s.Quantity > 0);

    public int StockQuantity(int productId) => StockByProduct[productId].Sum(s => s.Quantity);

    public Category CategoryOf(Product product) => CategoryById[product.CategoryId];

    public Category? ParentOf(Category category) => category.ParentId is { } id ? CategoryById[id] : null;

    /// <summary>Products filed under the category or any of its descendants (the tree has two levels).</summary>
    public int ProductCount(int categoryId) =>
        ProductsByCategory[categoryId].Count() + ChildrenByParent[categoryId].Sum(child => ProductsByCategory[child.Id].Count());

    /// <summary>The contract's <c>related</c>: same category, best average first (unrated last), then lowest id, not itself.</summary>
    public IReadOnlyList<Product> Related(Product product, int first) =>
        [.. ProductsByCategory[product.CategoryId]
            .Where(p => p.Id != product.Id)
            .OrderBy(p => AverageRating(p.Id) is null ? 1 : 0)
            .ThenByDescending(p => AverageRating(p.Id))
            .ThenBy(p => p.Id)
            .Take(first)];

    public static string Id(string typeName, int key) => GlobalId.Encode(typeName, key);

    public static int KeyOf(string globalId, string expectedType)
    {
        Assert.True(GlobalId.TryDecode(globalId, out var type, out var key), $"'{globalId}' is not a global id");
        Assert.Equal(expectedType, type);
        return int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
    }
}
