using GraphQL.Validation.Complexity;

namespace Gateway.Http.Cost;

/// <summary>
/// The two measures of IBM's cost spec, as impact functions for GraphQL.NET's complexity visitor (which walks the
/// selected operation, expands fragments, honours @skip/@include, and sums each field's impact times the product of
/// its ancestors' child multipliers):
/// <list type="bullet">
/// <item><b>Field cost</b> (work): a field's <c>@cost</c> weight (default 0 for a leaf, 1 for an object), its children
/// multiplied by its list size.</item>
/// <item><b>Type cost</b> (objects returned): 1 per object, a list of objects counted by its size.</item>
/// </list>
/// A list's size is its slicing argument (<c>first</c>/<c>last</c>), else the slicing default, else its assumed size;
/// a connection's size applies to its sized fields (<c>edges</c>, <c>nodes</c>), not to <c>totalCount</c> or
/// <c>pageInfo</c>. Introspection costs nothing here; its own rule bounds it.
/// </summary>
internal static class CostImpacts
{
    private static readonly HashSet<string> RecursiveIntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public static Func<FieldImpactContext, FieldComplexityResult> FieldCost(int defaultListSize) => context =>
    {
        var info = FieldCostInfo.For(context.FieldDefinition);
        if (info.IsIntrospection)
        {
            CheckIntrospectionRecursion(context);
            return new(0, 0);
        }

        var weight = info.Weight ?? (info.IsLeaf ? 0 : 1);
        return new(weight, info.IsLeaf ? 1 : SizeOf(context, info, defaultListSize));
    };

    public static Func<FieldImpactContext, FieldComplexityResult> TypeCost(int defaultListSize) => context =>
    {
        var info = FieldCostInfo.For(context.FieldDefinition);
        if (info.IsIntrospection || info.IsLeaf)
        {
            return new(0, info.IsIntrospection ? 0 : 1);
        }

        var size = SizeOf(context, info, defaultListSize);
        return new(size, size);
    };

    /// <summary>How many items this field returns for each of its parents.</summary>
    private static double SizeOf(FieldImpactContext context, FieldCostInfo info, int defaultListSize)
    {
        if (info.SizedFields.Count > 0)
        {
            // a connection: one object; its sized fields carry the size
            return 1;
        }

        if (context.Parent is { } parent && FieldCostInfo.For(parent.FieldDefinition) is { SizedFields.Count: > 0 } parentInfo
            && parentInfo.SizedFields.Contains(context.FieldDefinition.Name))
        {
            return SliceSize(parent, parentInfo, defaultListSize);
        }

        if (info.HasListSize)
        {
            return SliceSize(context, info, defaultListSize);
        }

        return info.IsList ? defaultListSize : 1;
    }

    private static double SliceSize(FieldImpactContext context, FieldCostInfo info, int defaultListSize)
    {
        int? sliced = null;
        foreach (var name in info.SlicingArguments)
        {
            if (context.Arguments?.TryGetValue(name, out var value) == true && value.Value is int size)
            {
                sliced = Math.Max(sliced ?? 0, size);
            }
        }

        return Math.Max(0, sliced ?? info.SlicingArgumentDefaultValue ?? info.AssumedSize ?? defaultListSize);
    }

    /// <summary>
    /// Hot Chocolate's introspection depth rule: <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and
    /// <c>possibleTypes</c> may not appear below themselves (no standard introspection query does), because each
    /// level multiplies the response by the number of types.
    /// </summary>
    private static void CheckIntrospectionRecursion(FieldImpactContext context)
    {
        if (context.ParentType.Name != "__Type" || !RecursiveIntrospectionLists.Contains(context.FieldDefinition.Name))
        {
            return;
        }

        for (var ancestor = context.Parent; ancestor is { } current; ancestor = current.Parent)
        {
            if (ReferenceEquals(current.FieldDefinition, context.FieldDefinition))
            {
                // reported by the cost rule once the walk is done
                if (OperationCostState.From(context.ValidationContext.UserContext) is { } state)
                {
                    state.RecursiveIntrospectionField ??= context.FieldDefinition.Name;
                }

                return;
            }
        }
    }
}
