using System.Linq.Expressions;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// The layout of a projected row: which slot of the <c>object?[]</c> the SQL projection returns holds
/// which response key, and how each raw value becomes a resolver value.
/// </summary>
internal sealed class RowShape(IEntityObjectType graphType)
{
    /// <summary>Hidden slot holding a row's sort-key values, from which its cursor is encoded.</summary>
    public const string CursorKey = "\u0001cursor";

    /// <summary>Hidden slot holding a row's primary key, by which follow-up and node queries match rows.</summary>
    public const string KeyKey = "\u0001key";

    /// <summary>Hidden slot holding the value policies are checked against (see <see cref="EntityRow.Resource"/>).</summary>
    public const string ResourceKey = "\u0001resource";

    private readonly List<RowSlot> _slots = [];
    private readonly Dictionary<string, int> _index = [];

    public IEntityObjectType GraphType { get; } = graphType;

    public IReadOnlyList<RowSlot> Slots => _slots;

    public bool Contains(string key) => _index.ContainsKey(key);

    public bool TryIndex(string key, out int index) => _index.TryGetValue(key, out index);

    /// <summary>Adds a hidden slot unless one with its key exists; returns the slot's index.</summary>
    public int Ensure(RowSlot slot) => _index.TryGetValue(slot.Key, out var index) ? index : Add(slot);

    public int Add(RowSlot slot)
    {
        _index.Add(slot.Key, _slots.Count);
        _slots.Add(slot);
        return _slots.Count - 1;
    }

    /// <summary>The <c>new object?[] { ... }</c> expression EF Core translates into the SELECT list.</summary>
    public Expression ToExpression() =>
        Expression.NewArrayInit(typeof(object), _slots.Select(s => s.Value.Type == typeof(object) ? s.Value : Expression.Convert(s.Value, typeof(object))));

    public EntityRow Materialize(object?[] raw, DeferredReads deferred)
    {
        var values = new object?[_slots.Count];
        for (var i = 0; i < _slots.Count; i++)
        {
            values[i] = _slots[i].Materialize(raw, i, deferred);
        }

        return new EntityRow(this, values);
    }
}
