using GraphQL.Types;

namespace Gateway.EntityFramework.Sorting;

/// <summary><c>enum SortEnumType { ASC DESC }</c>, as Hot Chocolate names it.</summary>
internal sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", SortDirection.Ascending, "Ascending order.");
        Add("DESC", SortDirection.Descending, "Descending order.");
    }
}

/// <summary>A sort direction.</summary>
internal enum SortDirection
{
    Ascending,
    Descending,
}
