namespace Gateway.EntityFramework.Filtering;

/// <summary>The operation names of the operation filter inputs, as Hot Chocolate names them.</summary>
internal static class FilterOperations
{
    public static readonly string[] Equality = ["eq", "neq"];

    public static readonly string[] Membership = ["in", "nin"];

    public static readonly string[] Text = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    public static readonly string[] Comparison = ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    public static string[] For(FilterValueKind kind) => kind switch
    {
        FilterValueKind.String => [.. Equality, .. Text, .. Membership],
        FilterValueKind.Comparable => [.. Equality, .. Membership, .. Comparison],
        FilterValueKind.Enum or FilterValueKind.Id => [.. Equality, .. Membership],
        _ => Equality,
    };

    public static FilterValueKind KindOf(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(string))
        {
            return FilterValueKind.String;
        }

        if (type == typeof(bool))
        {
            return FilterValueKind.Boolean;
        }

        return type.IsEnum ? FilterValueKind.Enum : FilterValueKind.Comparable;
    }
}

/// <summary>The family of operations a field's value supports.</summary>
internal enum FilterValueKind
{
    String,
    Comparable,
    Enum,
    Boolean,
    Id,
}
