using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class InventoryApiTests(RestApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_products_stock_is_one_row_per_warehouse()
    {
        await using var db = factory.Store();
        var expected = await db.StockLevels.Where(s => s.ProductId == 5).OrderBy(s => s.WarehouseId)
            .Select(s => new StockJson(s.ProductId, s.WarehouseId, s.Quantity)).ToListAsync();

        var stock = await _client.GetOkAsync<List<StockJson>>("/api/products/5/stock");

        Assert.Equal(await db.Warehouses.CountAsync(), stock.Count);
        Assert.Equal(expected, stock);
    }

    [Fact]
    public async Task A_warehouse_is_its_name_and_city()
    {
        await using var db = factory.Store();
        var expected = await db.Warehouses.OrderBy(w => w.Id).FirstAsync();

        var warehouse = await _client.GetOkAsync<WarehouseJson>($"/api/warehouses/{expected.Id}");

        Assert.Equal(new WarehouseJson(expected.Id, expected.Name, expected.City), warehouse);
    }

    [Theory]
    [InlineData("/api/products/999999/stock")]
    [InlineData("/api/warehouses/999999")]
    public async Task Stock_or_warehouse_of_an_unknown_id_is_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
