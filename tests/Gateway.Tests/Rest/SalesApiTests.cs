using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class SalesApiTests(RestApiFactory factory)
{
    [Fact]
    public async Task A_customers_orders_page_most_recent_first_with_total_and_item_count()
    {
        await using var db = factory.Store();
        var customerId = await db.Orders.GroupBy(o => o.CustomerId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.CustomerId == customerId).ToListAsync();
        var expected = orders.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Take(3)
            .Select(o => (o.Id, o.Status.ToString().ToUpperInvariant(), o.Lines.Sum(l => l.UnitPrice * l.Quantity), o.Lines.Sum(l => l.Quantity)));

        var page = await factory.ClientFor(customerId).GetOkAsync<Page<OrderJson>>($"/api/customers/{customerId}/orders?limit=3");

        Assert.Equal(orders.Count, page.TotalCount);
        Assert.Equal(expected, page.Items.Select(o => (o.Id, o.Status, o.Total, o.ItemCount)));
        Assert.All(page.Items, o => Assert.Equal(customerId, o.CustomerId));
    }

    [Fact]
    public async Task An_admin_reads_any_customers_orders_and_lines()
    {
        await using var db = factory.Store();
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.Id).FirstAsync();
        var admin = factory.ClientFor(order.CustomerId == 1 ? 2 : 1, admin: true);

        var page = await admin.GetOkAsync<Page<OrderJson>>($"/api/customers/{order.CustomerId}/orders?limit=100");
        var lines = await admin.GetOkAsync<List<OrderLineJson>>($"/api/orders/{order.Id}/lines");

        Assert.Contains(page.Items, o => o.Id == order.Id);
        Assert.Equal(order.Lines.OrderBy(l => l.Id).Select(l => (l.Id, l.ProductId, l.Quantity, l.UnitPrice)),
            lines.Select(l => (l.Id, l.ProductId, l.Quantity, l.UnitPrice)));
    }

    [Fact]
    public async Task The_owner_reads_the_lines_of_an_order()
    {
        await using var db = factory.Store();
        var order = await db.Orders.AsNoTracking().OrderBy(o => o.Id).Skip(10).FirstAsync();

        var lines = await factory.ClientFor(order.CustomerId).GetOkAsync<List<OrderLineJson>>($"/api/orders/{order.Id}/lines");

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(order.Id, l.OrderId));
    }

    [Fact]
    public async Task Orders_and_lines_are_401_for_anonymous_callers()
    {
        using var client = factory.CreateClient();

        using var orders = await client.GetAsync("/api/customers/1/orders");
        using var lines = await client.GetAsync("/api/orders/1/lines");

        Assert.Equal(HttpStatusCode.Unauthorized, orders.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, lines.StatusCode);
    }

    [Fact]
    public async Task Orders_and_lines_are_403_for_another_customer()
    {
        await using var db = factory.Store();
        var order = await db.Orders.AsNoTracking().OrderBy(o => o.Id).FirstAsync();
        var stranger = factory.ClientFor(order.CustomerId == 1 ? 2 : 1);

        using var orders = await stranger.GetAsync($"/api/customers/{order.CustomerId}/orders");
        using var lines = await stranger.GetAsync($"/api/orders/{order.Id}/lines");

        Assert.Equal(HttpStatusCode.Forbidden, orders.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lines.StatusCode);
    }

    [Fact]
    public async Task Lines_of_an_unknown_order_are_404()
    {
        using var response = await factory.ClientFor(1, admin: true).GetAsync("/api/orders/999999/lines");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
