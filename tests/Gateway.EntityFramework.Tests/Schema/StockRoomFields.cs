using Gateway.DataLoader;
using Gateway.EntityFramework.Tests.Model;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Tests.Schema;

/// <summary>
/// A field from somewhere other than the store, beside projected ones: <c>Book.copiesInStockRoom</c> asks a (pretend)
/// stock-room service for each book's ISBN, through a DataLoader, so a whole page of books is one call.
/// </summary>
public sealed class StockRoomFields : EntityTypeExtension<Book>
{
    public StockRoomFields() =>
        Field<IntGraphType, string>("copiesInStockRoom", b => b.Isbn, (context, isbn) =>
                ValueTask.FromResult<object?>(context.GetDataLoader<StockRoomLoader>().LoadAsync(isbn)))
            .Description("Copies the stock room holds, from its own service (one call per request).");
}

/// <summary>The stock room's one call for many ISBNs; every call is recorded so tests can count them.</summary>
public sealed class StockRoomLoader(StockRoomCalls calls) : BatchDataLoader<string, int>
{
    protected override Task<IReadOnlyDictionary<string, int>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        calls.Record(keys);
        // A value the test can check without the service: the ISBN's last digit.
        IReadOnlyDictionary<string, int> copies = keys.ToDictionary(isbn => isbn, isbn => isbn[^1] - '0');
        return Task.FromResult(copies);
    }
}

public sealed class StockRoomCalls
{
    private readonly List<IReadOnlyList<string>> _calls = [];

    public IReadOnlyList<IReadOnlyList<string>> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public void Record(IReadOnlyList<string> keys)
    {
        lock (_calls)
        {
            _calls.Add([.. keys]);
        }
    }

    public void Clear()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }
}
