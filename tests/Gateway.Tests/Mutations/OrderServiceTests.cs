using Gateway.Tests.Infrastructure;
using Gateway.Testing.PostgreSql;
using Gateway.Auth;
using Gateway.Errors;
using Gateway.Sales;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Mutations;

public class OrderServiceTests(MutationStore store) : IClassFixture<MutationStore>
{
    private const int CustomerId = 31;
    private static readonly Caller Owner = new(CustomerId, IsAdmin: false);
    private static readonly Caller OtherCustomer = new(32, IsAdmin: false);
    private static readonly Caller Admin = new(1, IsAdmin: true);

    private OrderService Orders => store.Get<OrderService>();

    private async Task<decimal> PriceOfAsync(int productId)
    {
        await using var db = await store.DbAsync();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Price).SingleAsync();
    }

    [StoreFact]
    public async Task Places_a_pending_order_at_store_prices_taking_the_largest_stock_first()
    {
        await store.SetStockAsync(501, (1, 3), (2, 5), (3, 5), (4, 0));
        await store.SetStockAsync(502, (2, 4));

        var order = await Orders.PlaceOrderAsync(CustomerId, [new(501, 8), new(502, 1)]);

        Assert.Equal(OrderStatus.Pending, order.Status);
        await using var db = await store.DbAsync();
        var lines = await db.OrderLines.Where(l => l.OrderId == order.Id).OrderBy(l => l.ProductId).ToListAsync();
        Assert.Equal([(501, 8, await PriceOfAsync(501)), (502, 1, await PriceOfAsync(502))],
            lines.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)));
        Assert.Equal(CustomerId, (await db.Orders.SingleAsync(o => o.Id == order.Id)).CustomerId);
        // 5 and 5 tie: the lower warehouse id gives first, so warehouse 2 is emptied and warehouse 3 gives the other 3.
        Assert.Equal(new Dictionary<int, int> { [1] = 3, [2] = 0, [3] = 2, [4] = 0 }, await store.StockAsync(501));
        var reservations = await db.StockReservations.Where(r => r.OrderLineId == lines[0].Id)
            .OrderBy(r => r.WarehouseId).Select(r => new { r.WarehouseId, r.Quantity }).ToListAsync();
        Assert.Equal([new { WarehouseId = 2, Quantity = 5 }, new { WarehouseId = 3, Quantity = 3 }], reservations);
    }

    [StoreFact]
    public async Task Duplicate_product_lines_are_merged_into_one_line()
    {
        await store.SetStockAsync(503, (1, 10));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(503, 2), new(503, 3)]);
        await using var db = await store.DbAsync();
        var line = await db.OrderLines.SingleAsync(l => l.OrderId == order.Id);
        Assert.Equal(5, line.Quantity);
        Assert.Equal(5, (await store.StockAsync(503))[1]);
    }

    [StoreFact]
    public async Task An_out_of_stock_line_names_the_product_and_what_is_available_and_nothing_is_written()
    {
        await store.SetStockAsync(504, (1, 10));
        await store.SetStockAsync(505, (1, 1), (2, 2));
        var before = await store.CountsAsync();

        var error = await Assert.ThrowsAsync<OutOfStockException>(() =>
            Orders.PlaceOrderAsync(CustomerId, [new(504, 4), new(505, 4)]));

        Assert.Equal((505, 4, 3), (error.ProductId, error.Requested, error.Available));
        Assert.Contains("Only 3", error.Message);
        Assert.Equal(before, await store.CountsAsync());
        Assert.Equal(10, (await store.StockAsync(504))[1]);
    }

    [StoreFact]
    public async Task An_unknown_product_fails_the_whole_order()
    {
        await store.SetStockAsync(506, (1, 10));
        var before = await store.CountsAsync();
        var error = await Assert.ThrowsAsync<ProductNotFoundException>(() =>
            Orders.PlaceOrderAsync(CustomerId, [new(506, 1), new(987654, 1)]));
        Assert.Equal(987654, error.ProductId);
        Assert.Equal(before, await store.CountsAsync());
        Assert.Equal(10, (await store.StockAsync(506))[1]);
    }

    [StoreTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public async Task A_quantity_outside_1_to_99_is_invalid(int quantity)
    {
        var before = await store.CountsAsync();
        var error = await Assert.ThrowsAsync<InvalidQuantityException>(() =>
            Orders.PlaceOrderAsync(CustomerId, [new(507, 1), new(508, quantity)]));
        Assert.Equal((508, quantity), (error.ProductId, error.Quantity));
        Assert.Equal(before, await store.CountsAsync());
    }

    [StoreFact]
    public async Task Merged_lines_above_99_are_invalid()
    {
        var error = await Assert.ThrowsAsync<InvalidQuantityException>(() =>
            Orders.PlaceOrderAsync(CustomerId, [new(509, 60), new(509, 40)]));
        Assert.Equal(100, error.Quantity);
    }

    [StoreTheory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task An_order_has_1_to_50_lines(int count)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Orders.PlaceOrderAsync(CustomerId, Enumerable.Range(600, count).Select(id => new OrderLineRequest(id, 1)).ToList()));
        Assert.Equal("lines", error.Field);
    }

    [StoreFact]
    public async Task Cancelling_returns_stock_to_the_warehouses_it_came_from_and_announces_it()
    {
        await store.SetStockAsync(510, (1, 2), (2, 6), (3, 1));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(510, 8)]);
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 1 }, await store.StockAsync(510));
        using var events = store.Record<OrderStatusChanged>(OrderTopics.StatusChanges);

        var cancelled = await Orders.CancelOrderAsync(Owner, order.Id);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 6, [3] = 1 }, await store.StockAsync(510));
        await using var db = await store.DbAsync();
        Assert.False(await db.StockReservations.AnyAsync(r => db.OrderLines.Any(l => l.Id == r.OrderLineId && l.OrderId == order.Id)));
        Assert.Contains(new OrderStatusChanged(order.Id, CustomerId, OrderStatus.Pending, OrderStatus.Cancelled), await events.WaitForAsync(1));
    }

    [StoreFact]
    public async Task Admins_cancel_paid_orders_of_any_customer()
    {
        await store.SetStockAsync(511, (4, 5));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(511, 5)]);
        await Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Paid);

        await Orders.CancelOrderAsync(Admin, order.Id);

        Assert.Equal(5, (await store.StockAsync(511))[4]);
    }

    [StoreFact]
    public async Task Another_customers_order_cannot_be_cancelled_and_looks_missing()
    {
        await store.SetStockAsync(512, (1, 5));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(512, 2)]);

        await Assert.ThrowsAsync<OrderNotFoundException>(() => Orders.CancelOrderAsync(OtherCustomer, order.Id));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => Orders.CancelOrderAsync(Owner, 987654));

        await using var db = await store.DbAsync();
        Assert.Equal(OrderStatus.Pending, (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status);
        Assert.Equal(3, (await store.StockAsync(512))[1]);
    }

    [StoreTheory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    public async Task Shipped_or_delivered_orders_cannot_be_cancelled(OrderStatus reached)
    {
        await store.SetStockAsync(513, (1, 50));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(513, 1)]);
        for (var status = OrderStatus.Paid; status <= reached; status++)
        {
            await Orders.UpdateOrderStatusAsync(order.Id, status);
        }

        var error = await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.CancelOrderAsync(Owner, order.Id));

        Assert.Equal(reached, error.Current);
        Assert.Equal(49, (await store.StockAsync(513))[1]);
    }

    [StoreFact]
    public async Task A_cancelled_order_cannot_be_cancelled_again_so_stock_returns_once()
    {
        await store.SetStockAsync(514, (1, 5));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(514, 5)]);
        await Orders.CancelOrderAsync(Owner, order.Id);
        await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.CancelOrderAsync(Owner, order.Id));
        Assert.Equal(5, (await store.StockAsync(514))[1]);
    }

    [StoreFact]
    public async Task Cancelling_a_seeded_order_returns_no_stock_because_it_has_no_reservations()
    {
        await using var db = await store.DbAsync();
        var seeded = await db.Orders.Where(o => o.Status == OrderStatus.Pending && !db.StockReservations.Any(r => db.OrderLines.Any(l => l.Id == r.OrderLineId && l.OrderId == o.Id)))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.CustomerId, ProductId = o.Lines.Select(l => l.ProductId).First() }).FirstAsync();
        var stockBefore = await store.StockAsync(seeded.ProductId);

        var cancelled = await Orders.CancelOrderAsync(new Caller(seeded.CustomerId, false), seeded.Id);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(stockBefore, await store.StockAsync(seeded.ProductId));
    }

    [StoreFact]
    public async Task Status_moves_one_step_forward_at_a_time_and_each_step_is_announced()
    {
        await store.SetStockAsync(515, (1, 5));
        var order = await Orders.PlaceOrderAsync(CustomerId, [new(515, 1)]);
        using var events = store.Record<OrderStatusChanged>(OrderTopics.StatusChanges);

        await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Shipped));
        await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Pending));
        await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Cancelled));
        Assert.Equal(OrderStatus.Paid, (await Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Paid)).Status);
        Assert.Equal(OrderStatus.Shipped, (await Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Shipped)).Status);
        await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Paid));
        Assert.Equal(OrderStatus.Delivered, (await Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Delivered)).Status);
        var final = await Assert.ThrowsAsync<InvalidOrderStatusException>(() => Orders.UpdateOrderStatusAsync(order.Id, OrderStatus.Delivered));
        Assert.Contains("cannot change", final.Message);

        var announced = (await events.WaitForAsync(3)).Where(e => e.OrderId == order.Id).Select(e => (e.PreviousStatus, e.Status));
        Assert.Equal([(OrderStatus.Pending, OrderStatus.Paid), (OrderStatus.Paid, OrderStatus.Shipped), (OrderStatus.Shipped, OrderStatus.Delivered)], announced);
    }

    [StoreFact]
    public async Task Updating_an_unknown_order_is_not_found()
    {
        await Assert.ThrowsAsync<OrderNotFoundException>(() => Orders.UpdateOrderStatusAsync(987654, OrderStatus.Paid));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class OrderServiceTestsOnPostgreSql(PostgreSqlMutationStore store) : OrderServiceTests(store), IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql;
