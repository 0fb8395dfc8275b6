using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// A list or page nested inside a limited nested page, on a provider without APPLY/LATERAL (SQLite), where EF Core
/// cannot translate it into the same statement. The parent's key is projected instead, and after the rows are read
/// one follow-up query per such field loads the lists of all parents at once (<c>WHERE key IN (...)</c>): the
/// statement count depends on the selection, never on the page size. It belongs to the shape it was built in and
/// holds no request's state (the parents read are in <see cref="DeferredReads"/>), so a shape reused by
/// <see cref="PreparedRead"/> reuses it, with the follow-up reads prepared for it.
/// </summary>
internal sealed class DeferredCollection(IEntityObjectType owner, Type entityClrType, CollectedField field)
{
    /// <summary>The type declaring the field (an entity type, or an embedded type over the entity).</summary>
    public IEntityObjectType Owner { get; } = owner;

    /// <summary>The entity whose key identifies the parents.</summary>
    public Type EntityClrType { get; } = entityClrType;

    public CollectedField Field { get; } = field;

    /// <summary>The follow-up read for one parent, once prepared (set only on a collection of a prepared shape).</summary>
    public PreparedFollowUp? ForOneParent { get; set; }

    /// <summary>The follow-up read for several parents, once prepared.</summary>
    public PreparedRead? ForParents { get; set; }
}

/// <summary>The parents each deferred collection met while one read's rows were materialized.</summary>
internal sealed class DeferredReads
{
    private readonly Dictionary<DeferredCollection, List<(object Key, DeferredValue Value)>> _pending = [];

    public DeferredValue Track(DeferredCollection collection, object? key)
    {
        var value = new DeferredValue();
        if (key is not null)
        {
            if (!_pending.TryGetValue(collection, out var pending))
            {
                _pending[collection] = pending = [];
            }

            pending.Add((key, value));
        }

        return value;
    }

    public IReadOnlyList<(object Key, DeferredValue Value)> PendingOf(DeferredCollection collection) =>
        _pending.TryGetValue(collection, out var pending) ? pending : [];
}

/// <summary>A nested list or page filled in by its follow-up query before any resolver reads it.</summary>
internal sealed class DeferredValue
{
    public object? Value { get; set; }
}

/// <summary>Projects the parent's key, and materializes a <see cref="DeferredValue"/> registered with its follow-up query.</summary>
internal sealed class DeferredSlot(string key, Expression parentKey, DeferredCollection collection) : RowSlot(key, parentKey)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred) => deferred.Track(collection, raw[index]);
}
