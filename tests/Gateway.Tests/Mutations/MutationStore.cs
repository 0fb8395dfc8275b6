using Gateway.Inventory;
using Gateway.Messaging;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Mutations;

/// <summary>The gateway on its own seeded store, with helpers to stage and read stock. Tests in a class use distinct products.</summary>
public class MutationStore : GatewayFactory
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<StoreDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();

    /// <summary>Replaces the product's stock with exactly these (warehouse, quantity) rows.</summary>
    public async Task SetStockAsync(int productId, params (int WarehouseId, int Quantity)[] stock)
    {
        await using var db = await DbAsync();
        await db.StockLevels.Where(s => s.ProductId == productId).ExecuteDeleteAsync();
        db.StockLevels.AddRange(stock.Select(s => new StockLevel { ProductId = productId, WarehouseId = s.WarehouseId, Quantity = s.Quantity }));
        await db.SaveChangesAsync();
    }

    /// <summary>The product's stock per warehouse, by warehouse id.</summary>
    public async Task<Dictionary<int, int>> StockAsync(int productId)
    {
        await using var db = await DbAsync();
        return await db.StockLevels.Where(s => s.ProductId == productId).ToDictionaryAsync(s => s.WarehouseId, s => s.Quantity);
    }

    public async Task<(int Orders, int Lines, int Reservations)> CountsAsync()
    {
        await using var db = await DbAsync();
        return (await db.Orders.CountAsync(), await db.OrderLines.CountAsync(), await db.StockReservations.CountAsync());
    }

    /// <summary>Collects what the event bus publishes to <paramref name="topic"/> from now on.</summary>
    public EventRecorder<T> Record<T>(string topic) => new(Get<ITopicEventBus>().Subscribe<T>(topic));
}

/// <summary>Messages of one topic, waited for with a bound.</summary>
public sealed class EventRecorder<T> : IObserver<T>, IDisposable
{
    private readonly List<T> _messages = [];
    private readonly IDisposable _subscription;

    public EventRecorder(IObservable<T> source) => _subscription = source.Subscribe(this);

    public async Task<IReadOnlyList<T>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            lock (_messages)
            {
                if (_messages.Count >= count)
                {
                    return [.. _messages];
                }
            }
            await Task.Delay(10);
        }
        lock (_messages)
        {
            return [.. _messages];
        }
    }

    public void OnNext(T value)
    {
        lock (_messages)
        {
            _messages.Add(value);
        }
    }

    public void OnError(Exception error) { }

    public void OnCompleted() { }

    public void Dispose() => _subscription.Dispose();
}
