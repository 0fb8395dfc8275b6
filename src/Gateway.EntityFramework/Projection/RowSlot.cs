using System.Collections;
using System.Linq.Expressions;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Relay;

namespace Gateway.EntityFramework.Projection;

/// <summary>One value of a projected row: its response key, its SQL-translatable expression and its materialization.</summary>
internal class RowSlot(string key, Expression value)
{
    public string Key { get; } = key;

    public Expression Value { get; } = value;

    public virtual object? Materialize(object?[] raw, int index, DeferredReads deferred) => raw[index];
}

/// <summary>A Relay global id: the projected key, encoded with the type name.</summary>
internal sealed class IdSlot(string key, Expression value, string typeName) : RowSlot(key, value)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred) => raw[index] is { } id ? GlobalId.Encode(typeName, id) : null;
}

/// <summary>A related or embedded object, projected as a nested row (null when the relation is empty).</summary>
internal sealed class ObjectSlot(string key, Expression value, RowShape shape) : RowSlot(key, value)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred) => raw[index] is object?[] row ? shape.Materialize(row, deferred) : null;
}

/// <summary>A nested list of related rows.</summary>
internal class ListSlot(string key, Expression value, RowShape shape) : RowSlot(key, value)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred) =>
        raw[index] is IEnumerable rows ? rows.Cast<object?[]>().Select(row => shape.Materialize(row, deferred)).ToList() : [];
}

/// <summary>A nested list without its parent row (matched by key), cut to a maximum length.</summary>
internal sealed class ExcludingParentListSlot(string key, Expression value, RowShape shape, int parentKeyIndex, int limit) : ListSlot(key, value, shape)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred)
    {
        var parentKey = raw[parentKeyIndex];
        return ((List<Types.EntityRow>)base.Materialize(raw, index, deferred)!)
            .Where(row => !(row.TryGet(RowShape.KeyKey, out var itemKey) && Equals(itemKey, parentKey)))
            .Take(limit)
            .ToList();
    }
}

/// <summary>A nested connection page; its total count, when selected, sits in another slot.</summary>
internal sealed class ConnectionSlot(string key, Expression value, RowShape shape, PageRequest page, string? countKey) : RowSlot(key, value)
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred)
    {
        var rows = raw[index] is IEnumerable list ? list.Cast<object?[]>().Select(row => shape.Materialize(row, deferred)).ToList() : [];
        var count = countKey is null ? null : (int?)raw[CountIndex];
        return ConnectionBuilder.Build(rows, page, count);
    }

    /// <summary>Index of the count slot in the parent row, set when the count slot is added.</summary>
    public int CountIndex { get; set; }
}
