using GraphQL.Types;

namespace Gateway.Tests.Budgets.NaiveBaseline;

// The few filter and sort inputs the screens use, under the gateway's names so the screen documents validate as written.

internal sealed class NaiveSortEnumType : EnumerationGraphType
{
    public NaiveSortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", "ASC");
        Add("DESC", "DESC");
    }
}

internal sealed class NaiveStringOperationFilterInput : InputObjectGraphType
{
    public NaiveStringOperationFilterInput()
    {
        Name = "StringOperationFilterInput";
        Field<StringGraphType>("eq");
    }
}

internal sealed class NaiveIntOperationFilterInput : InputObjectGraphType
{
    public NaiveIntOperationFilterInput()
    {
        Name = "IntOperationFilterInput";
        Field<IntGraphType>("eq");
        Field<IntGraphType>("gte");
    }
}

internal sealed class NaiveDecimalOperationFilterInput : InputObjectGraphType
{
    public NaiveDecimalOperationFilterInput()
    {
        Name = "DecimalOperationFilterInput";
        Field<DecimalGraphType>("lt");
        Field<DecimalGraphType>("lte");
    }
}

internal sealed class NaiveCategoryFilterInput : InputObjectGraphType
{
    public NaiveCategoryFilterInput()
    {
        Name = "CategoryFilterInput";
        Field<NaiveStringOperationFilterInput>("slug");
        Field<NaiveIntOperationFilterInput>("depth");
    }
}

internal sealed class NaiveReviewFilterInput : InputObjectGraphType
{
    public NaiveReviewFilterInput()
    {
        Name = "ReviewFilterInput";
        Field<NaiveIntOperationFilterInput>("rating");
    }
}

internal sealed class NaiveReviewListFilterInput : InputObjectGraphType
{
    public NaiveReviewListFilterInput()
    {
        Name = "ListFilterInputTypeOfReviewFilterInput";
        Field<NaiveReviewFilterInput>("some");
    }
}

internal sealed class NaiveProductFilterInput : InputObjectGraphType
{
    public NaiveProductFilterInput()
    {
        Name = "ProductFilterInput";
        Field<NaiveCategoryFilterInput>("category");
        Field<NaiveDecimalOperationFilterInput>("price");
        Field<NaiveReviewListFilterInput>("reviews");
    }
}

/// <summary>A sort input of named keys, each <c>SortEnumType</c>.</summary>
internal abstract class NaiveSortInput : InputObjectGraphType
{
    protected NaiveSortInput(string name, params string[] keys)
    {
        Name = name;
        foreach (var key in keys)
        {
            Field<NaiveSortEnumType>(key);
        }
    }
}

internal sealed class NaiveProductSortInput() : NaiveSortInput("ProductSortInput", "id", "price", "createdAt", "name");

internal sealed class NaiveCategorySortInput() : NaiveSortInput("CategorySortInput", "name");

internal sealed class NaiveReviewSortInput() : NaiveSortInput("ReviewSortInput", "id", "createdAt");

internal sealed class NaiveOrderSortInput() : NaiveSortInput("OrderSortInput", "id", "placedAt");
