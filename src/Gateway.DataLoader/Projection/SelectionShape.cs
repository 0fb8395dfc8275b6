using GraphQL;

namespace Gateway.DataLoader;

/// <summary>
/// A ready-made selection shape for <see cref="ProjectedBatchDataLoader{TKey, TShape, TValue}"/> and
/// <see cref="ProjectedGroupDataLoader{TKey, TShape, TValue}"/>: a set of selected field names with value
/// equality (order and duplicates do not matter). A query engine may use its own shape type instead.
/// </summary>
public sealed class SelectionShape : IEquatable<SelectionShape>
{
    private readonly string[] _fields;
    private readonly int _hashCode;

    private SelectionShape(string[] fields)
    {
        _fields = fields;
        var hash = new HashCode();
        foreach (var field in fields)
        {
            hash.Add(field, StringComparer.Ordinal);
        }

        _hashCode = hash.ToHashCode();
    }

    /// <summary>The field names, distinct and in ordinal order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Creates a shape from field names.</summary>
    /// <param name="fields">The selected field names.</param>
    /// <returns>The shape.</returns>
    public static SelectionShape Of(params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new SelectionShape(fields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The names (not aliases) of the fields selected directly under the field being resolved, without
    /// meta fields such as <c>__typename</c>. Sibling fields in a list share a selection, hence a shape and a batch.
    /// </summary>
    /// <param name="context">The resolve context of the field that starts the load.</param>
    /// <returns>The shape; empty when the field has no sub-selection.</returns>
    public static SelectionShape FromSubFields(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = context.SubFields?.Values
            .Select(subField => subField.FieldType.Name)
            .Where(name => !name.StartsWith("__", StringComparison.Ordinal))
            ?? [];
        return Of(names);
    }

    /// <summary>Whether the shape selects <paramref name="field"/>.</summary>
    /// <param name="field">A field name.</param>
    /// <returns><see langword="true"/> when selected.</returns>
    public bool Contains(string field) => Array.BinarySearch(_fields, field, StringComparer.Ordinal) >= 0;

    /// <inheritdoc/>
    public bool Equals(SelectionShape? other)
        => other is not null && _hashCode == other._hashCode && _fields.AsSpan().SequenceEqual(other._fields);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SelectionShape);

    /// <inheritdoc/>
    public override int GetHashCode() => _hashCode;

    /// <summary>The field names, comma-separated, in braces.</summary>
    /// <returns>E.g. <c>{id, name}</c>.</returns>
    public override string ToString() => "{" + string.Join(", ", _fields) + "}";
}
