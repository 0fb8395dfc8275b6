using Gateway.Auth;
using Gateway.Errors;
using Gateway.Inventory;
using Gateway.Messaging;
using Gateway.Store;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Sales;

/// <summary>
/// Places, cancels and advances orders. Each operation is one transaction. On SQLite it takes the write lock up
/// front (Microsoft.Data.Sqlite begins transactions IMMEDIATE); on PostgreSQL placing an order first locks the stock
/// rows of its products (<see cref="LockStockAsync"/>). Either way reading stock and taking it cannot interleave
/// with another order; the stock decrement is also conditional, so stock can never go below zero.
/// </summary>
public sealed class OrderService(IDbContextFactory<StoreDbContext> contextFactory, ITopicEventBus events, TimeProvider time)
{
    /// <summary>
    /// Places a PENDING order for <paramref name="customerId"/> at the store's prices, reserving stock across warehouses.
    /// Lines naming the same product are merged (their quantities added, then checked against the limits).
    /// Nothing is written when any line fails.
    /// </summary>
    public async Task<Order> PlaceOrderAsync(int customerId, IReadOnlyList<OrderLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var merged = Merge(lines);
        return await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var productIds = merged.Select(l => l.ProductId).ToList();
            await LockStockAsync(db, productIds, ct);
            var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.Price }).ToDictionaryAsync(p => p.Id, ct);
            var stock = (await db.StockLevels.AsNoTracking().Where(s => productIds.Contains(s.ProductId) && s.Quantity > 0)
                    .Select(s => new { s.ProductId, s.WarehouseId, s.Quantity }).ToListAsync(ct))
                .ToLookup(s => s.ProductId, s => (s.WarehouseId, s.Quantity));

            var order = new Order { CustomerId = customerId, Status = OrderStatus.Pending, PlacedAt = time.GetUtcNow().UtcDateTime };
            var plans = new List<(OrderLine Line, IReadOnlyList<(int WarehouseId, int Quantity)> Takes)>();
            foreach (var request in merged)
            {
                var product = products.GetValueOrDefault(request.ProductId) ?? throw new ProductNotFoundException(request.ProductId);
                var takes = StockReservationPlanner.Plan(stock[request.ProductId], request.Quantity)
                    ?? throw new OutOfStockException(product.Id, product.Name, request.Quantity, stock[request.ProductId].Sum(s => s.Quantity));
                var line = new OrderLine { ProductId = product.Id, Quantity = request.Quantity, UnitPrice = product.Price };
                order.Lines.Add(line);
                plans.Add((line, takes));
            }

            foreach (var (line, takes) in plans)
            {
                foreach (var (warehouseId, quantity) in takes)
                {
                    var taken = await db.StockLevels
                        .Where(s => s.ProductId == line.ProductId && s.WarehouseId == warehouseId && s.Quantity >= quantity)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Quantity, x => x.Quantity - quantity), ct);
                    if (taken != 1)
                    {
                        // Cannot happen while this transaction holds the write lock; if it ever does, fail rather than oversell.
                        throw new InvalidOperationException($"Stock of product {line.ProductId} in warehouse {warehouseId} changed during the order.");
                    }
                }
            }
            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);
            db.StockReservations.AddRange(plans.SelectMany(p => p.Takes.Select(t =>
                new StockReservation { OrderLineId = p.Line.Id, WarehouseId = t.WarehouseId, Quantity = t.Quantity })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return order;
        }, cancellationToken);
    }

    /// <summary>
    /// Cancels a PENDING or PAID order of the caller (any order for an admin) and returns its reserved units to the
    /// warehouses they came from. Orders placed before reservations were recorded (the seeded ones) return nothing.
    /// </summary>
    public async Task<Order> CancelOrderAsync(Caller caller, int orderId, CancellationToken cancellationToken = default)
    {
        var (order, previous) = await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await FindOrderAsync(db, orderId, ct);
            // Another customer's order is as good as missing: whether it exists is not this caller's to learn.
            if (!caller.CanActFor(order.CustomerId))
            {
                throw new OrderNotFoundException(orderId);
            }
            if (order.Status is not (OrderStatus.Pending or OrderStatus.Paid))
            {
                throw new InvalidOrderStatusException(order.Status, OrderStatus.Cancelled,
                    $"Only PENDING or PAID orders can be cancelled; this order is {StatusName(order.Status)}.");
            }
            var reservations = await db.StockReservations
                .Join(db.OrderLines.Where(l => l.OrderId == orderId), r => r.OrderLineId, l => l.Id, (r, l) => new { l.ProductId, r.WarehouseId, r.Quantity })
                .ToListAsync(ct);
            foreach (var returned in reservations)
            {
                var restocked = await db.StockLevels
                    .Where(s => s.ProductId == returned.ProductId && s.WarehouseId == returned.WarehouseId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Quantity, x => x.Quantity + returned.Quantity), ct);
                if (restocked == 0)
                {
                    // The stock row was removed since the order was placed: the units still exist, so the row comes back.
                    db.StockLevels.Add(new StockLevel { ProductId = returned.ProductId, WarehouseId = returned.WarehouseId, Quantity = returned.Quantity });
                }
            }
            // Returned stock must not be returned twice, whatever happens to the order later.
            await db.StockReservations.Where(r => db.OrderLines.Any(l => l.Id == r.OrderLineId && l.OrderId == orderId)).ExecuteDeleteAsync(ct);
            var previous = order.Status;
            order.Status = OrderStatus.Cancelled;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (order, previous);
        }, cancellationToken);
        await PublishAsync(order, previous);
        return order;
    }

    /// <summary>Moves an order one step along PENDING → PAID → SHIPPED → DELIVERED.</summary>
    /// <remarks>
    /// Who may is declared once, on the <c>updateOrderStatus</c> mutation (<c>.Authorize(CustomerPolicies.Admin)</c>),
    /// which the engine checks before the input is even read; this service has no other caller.
    /// </remarks>
    public async Task<Order> UpdateOrderStatusAsync(int orderId, OrderStatus status, CancellationToken cancellationToken = default)
    {
        var (order, previous) = await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await FindOrderAsync(db, orderId, ct);
            if (NextStatus(order.Status) != status)
            {
                throw new InvalidOrderStatusException(order.Status, status, NextStatus(order.Status) is { } next
                    ? $"An order that is {StatusName(order.Status)} can only move to {StatusName(next)}, not to {StatusName(status)}."
                    : $"An order that is {StatusName(order.Status)} cannot change its status.");
            }
            var previous = order.Status;
            order.Status = status;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (order, previous);
        }, cancellationToken);
        await PublishAsync(order, previous);
        return order;
    }

    /// <summary>
    /// On PostgreSQL, locks the stock rows of the ordered products (SELECT … FOR UPDATE) until the transaction ends,
    /// so a concurrent order for the same products (on any replica) waits and then reads the stock this one left.
    /// Without it both would read the same units under READ COMMITTED, and the loser's conditional decrement would
    /// fail mid-order. Rows are locked in key order, so two orders never deadlock on each other's rows.
    /// SQLite needs nothing: its transaction already holds the database's only write lock.
    /// </summary>
    private static async Task LockStockAsync(StoreDbContext db, List<int> productIds, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var ids = productIds.ToArray();
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM \"StockLevels\" WHERE \"ProductId\" = ANY({ids}) ORDER BY \"ProductId\", \"WarehouseId\" FOR UPDATE", ct);
        }
    }

    /// <summary>The one status an order may move to next, or null when its lifecycle is over.</summary>
    public static OrderStatus? NextStatus(OrderStatus status) => status switch
    {
        OrderStatus.Pending => OrderStatus.Paid,
        OrderStatus.Paid => OrderStatus.Shipped,
        OrderStatus.Shipped => OrderStatus.Delivered,
        _ => null,
    };

    private static async Task<Order> FindOrderAsync(StoreDbContext db, int orderId, CancellationToken ct) =>
        await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new OrderNotFoundException(orderId);

    // Called once committed: a client that hangs up now must not turn the success into an error, so no cancellation.
    private ValueTask PublishAsync(Order order, OrderStatus previous) =>
        events.PublishAsync(OrderTopics.StatusChanges, new OrderStatusChanged(order.Id, order.CustomerId, previous, order.Status), CancellationToken.None);

    private static string StatusName(OrderStatus status) => status.ToString().ToUpperInvariant();

    private static List<OrderLineRequest> Merge(IReadOnlyList<OrderLineRequest> lines)
    {
        if (lines.Count is 0 or > PlaceOrderLimits.MaxLines)
        {
            throw new ValidationException("lines", $"An order has 1 to {PlaceOrderLimits.MaxLines} lines; got {lines.Count}.");
        }
        // Each line is checked as sent, then again once merged, so the limits hold for what the client asked and for what it gets.
        foreach (var line in lines)
        {
            if (line.Quantity is < PlaceOrderLimits.MinQuantity or > PlaceOrderLimits.MaxQuantity)
            {
                throw new InvalidQuantityException(line.ProductId, line.Quantity);
            }
        }
        var merged = lines.GroupBy(l => l.ProductId).Select(g => new OrderLineRequest(g.Key, g.Sum(l => l.Quantity))).ToList();
        foreach (var line in merged)
        {
            if (line.Quantity > PlaceOrderLimits.MaxQuantity)
            {
                throw new InvalidQuantityException(line.ProductId, line.Quantity);
            }
        }
        return merged;
    }
}
