using System.Text.Json;
using Gateway.Sales;
using Gateway.Store.Seeding;

namespace Gateway.Tests.Store;

public sealed class SeedDataGeneratorTests
{
    [Fact]
    public void Same_scale_yields_the_same_rows_ids_and_values()
    {
        var first = Serialize(SeedDataGenerator.Generate(1));
        var second = Serialize(SeedDataGenerator.Generate(1));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Scale_one_has_the_contracted_sizes_and_variety()
    {
        var data = SeedDataGenerator.Generate(1);

        Assert.InRange(data.Categories.Count, 35, 45);
        Assert.Equal([0, 1], data.Categories.Select(c => c.Depth).Distinct().Order());
        Assert.Equal(1_000, data.Products.Count);
        Assert.Equal(500, data.Customers.Count);
        Assert.Equal(10_000, data.Reviews.Count);
        Assert.Equal(2_000, data.Orders.Count);
        Assert.Equal(4, data.Warehouses.Count);
        Assert.Equal(data.Products.Count * 4, data.StockLevels.Count);

        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), data.Orders.Select(o => o.Status).Distinct().Order());
        var linesPerOrder = data.OrderLines.GroupBy(l => l.OrderId).Select(g => g.Count()).ToList();
        Assert.Equal(data.Orders.Count, linesPerOrder.Count);
        Assert.InRange(linesPerOrder.Min(), 1, 1);
        Assert.InRange(linesPerOrder.Max(), 2, 5);

        var reviewed = data.Reviews.Select(r => r.ProductId).ToHashSet();
        Assert.Contains(data.Products, p => !reviewed.Contains(p.Id));
        var stockByProduct = data.StockLevels.GroupBy(s => s.ProductId).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        Assert.Contains(data.Products, p => stockByProduct[p.Id] == 0);
        Assert.Contains(data.Products, p => p.Price < 10m);
        Assert.All(data.Products, p => Assert.Equal(p.Price, decimal.Round(p.Price, 2)));

        Assert.Equal(data.Products.Count, data.Products.Select(p => p.Sku).Distinct().Count());
        Assert.Equal(data.Customers.Count, data.Customers.Select(c => c.Email).Distinct().Count());
        Assert.Equal(data.Categories.Count, data.Categories.Select(c => c.Slug).Distinct().Count());
        Assert.Equal(data.Reviews.Count, data.Reviews.Select(r => (r.ProductId, r.AuthorId)).Distinct().Count());
        Assert.All(data.Reviews, r => Assert.InRange(r.Rating, 1, 5));
        Assert.All(data.OrderLines, l => Assert.True(l.Quantity >= 1));
        Assert.All(data.Products, p => Assert.True(p.CreatedAt < SeedDataGenerator.Epoch));
    }

    [Fact]
    public void Scale_multiplies_products_customers_reviews_and_orders()
    {
        var data = SeedDataGenerator.Generate(3);

        Assert.Equal(3_000, data.Products.Count);
        Assert.Equal(1_500, data.Customers.Count);
        Assert.Equal(30_000, data.Reviews.Count);
        Assert.Equal(6_000, data.Orders.Count);
        Assert.Equal(4, data.Warehouses.Count);
        Assert.Equal(SeedDataGenerator.Generate(1).Categories.Count, data.Categories.Count);
    }

    private static string Serialize(SeedData data) => JsonSerializer.Serialize(new
    {
        data.Categories, data.Products, data.Customers, data.Reviews, data.Orders, data.OrderLines, data.Warehouses, data.StockLevels,
    }, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles });
}
