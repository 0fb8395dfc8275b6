using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// A read built once and run again by later requests of the same shape: the compiled query with the values it first
/// ran with, the shape of its rows, its follow-up collections and the policies its filters and sorts demanded. Only
/// the read's slot (its keys, <see cref="ValueParameter.Slot"/>) changes from one request to the next; everything
/// else in the tree follows from what the read is prepared under (see <see cref="PreparedReads"/>). Building a product
/// page's trees and writing their shapes was about a third of its time in-process (docs/performance.md, change 25).
/// </summary>
internal sealed class PreparedRead(CompiledRun run, RowShape shape, IReadOnlyList<DeferredCollection> deferred, IReadOnlyCollection<string> policies)
{
    public RowShape Shape { get; } = shape;

    /// <summary>The follow-up collections the shape's rows register, in the order they are loaded.</summary>
    public IReadOnlyList<DeferredCollection> Deferred { get; } = deferred;

    /// <summary>The policies demanded of every caller before the read runs.</summary>
    public IReadOnlyCollection<string> Policies { get; } = policies;

    /// <summary>The page a root connection's rows make (its size and cursors), or null for a list.</summary>
    public PageRequest? Page { get; private init; }

    /// <summary>This read as a root connection's page.</summary>
    public PreparedRead ForPage(PageRequest page) => new(run, Shape, Deferred, Policies) { Page = page };

    /// <summary>The rows of the read for <paramref name="slot"/>: the first request's values with the slot's replaced.</summary>
    public IAsyncEnumerable<object?[]> Run(DbContext db, object? slot)
    {
        var values = (object?[])run.Values.Clone();
        foreach (var position in run.SlotPositions)
        {
            values[position] = slot;
        }

        return run.Plan(db, values);
    }
}

/// <summary>A follow-up read prepared for one parent, and how its rows become the field's value.</summary>
internal sealed record PreparedFollowUp(PreparedRead Read, Func<List<EntityRow>, object, object?> Finish);
