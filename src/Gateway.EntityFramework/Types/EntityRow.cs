using Gateway.EntityFramework.Projection;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// One projected row: the values a query selected from an entity (or embedded object), keyed by response key.
/// The source object of every <see cref="EntityObjectType{T}"/> field.
/// </summary>
public sealed class EntityRow
{
    private readonly RowShape _shape;
    private readonly object?[] _values;

    internal EntityRow(RowShape shape, object?[] values)
    {
        _shape = shape;
        _values = values;
    }

    /// <summary>The object type the row was projected for.</summary>
    public IObjectGraphType GraphType => _shape.GraphType;

    /// <summary>
    /// The value the row's policies are checked against: the type's authorization resource (see
    /// <c>EntityType&lt;T&gt;.AuthorizationResource</c>), by default its id; projected whenever a selected field
    /// or the type itself is guarded by a policy, <see langword="null"/> otherwise.
    /// </summary>
    public object? Resource => TryGet(RowShape.ResourceKey, out var value) ? value : null;

    internal object?[]? CursorValues => _shape.TryIndex(RowShape.CursorKey, out var index) ? (object?[]?)_values[index] : null;

    internal bool TryGet(string responseKey, out object? value)
    {
        if (_shape.TryIndex(responseKey, out var index))
        {
            value = _values[index] is DeferredValue deferred ? deferred.Value : _values[index];
            return true;
        }

        value = null;
        return false;
    }
}
