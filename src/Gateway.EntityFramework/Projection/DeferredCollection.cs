using System.Linq.Expressions;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// A list or page nested inside a limited nested page, on a provider without APPLY/LATERAL (SQLite), where EF Core
/// cannot translate it into the same statement. The parent's key is projected instead, and after the rows are read
/// one follow-up query per such field loads the lists of all parents at once (<c>WHERE key IN (...)</c>): the
/// statement count depends on the selection, never on the page size.
/// </summary>
internal sealed class DeferredCollection(IEntityObjectType owner, Type entityClrType, CollectedField field)
{
    private readonly List<(object Key, DeferredValue Value)> _pending = [];

    /// <summary>The type declaring the field (an entity type, or an embedded type over the entity).</summary>
    public IEntityObjectType Owner { get; } = owner;

    /// <summary>The entity whose key identifies the parents.</summary>
    public Type EntityClrType { get; } = entityClrType;

    public CollectedField Field { get; } = field;

    public IReadOnlyList<(object Key, DeferredValue Value)> Pending => _pending;

    public DeferredValue Track(object? key)
    {
        var value = new DeferredValue();
        if (key is not null)
        {
            _pending.Add((key, value));
        }

        return value;
    }
}

/// <summary>A nested list or page filled in by its follow-up query before any resolver reads it.</summary>
internal sealed class DeferredValue
{
    public object? Value { get; set; }
}

/// <summary>Projects the parent's key, and materializes a <see cref="DeferredValue"/> registered with its follow-up query.</summary>
internal sealed class DeferredSlot(string key, Expression parentKey, DeferredCollection collection) : RowSlot(key, parentKey)
{
    public override object? Materialize(object?[] raw, int index) => collection.Track(raw[index]);
}
