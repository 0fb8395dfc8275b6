using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>The Hot Chocolate-named arguments of lists and connections.</summary>
internal static class StandardArguments
{
    public static void AddPaging(FieldType field)
    {
        field.Arguments!.Add(new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first n elements from the list." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." });
        field.Arguments.Add(new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last n elements from the list." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." });
    }

    public static void AddFilterAndSort(EntityModel model, FieldType field, IEntityObjectType item)
    {
        field.Arguments!.Add(new QueryArgument(model.Filters.For(item)) { Name = "where" });
        field.Arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(model.Sorts.For(item)))) { Name = "order" });
    }
}
