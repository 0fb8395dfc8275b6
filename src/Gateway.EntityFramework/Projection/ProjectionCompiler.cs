using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Filtering;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Sorting;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Compiles a selection set into the row projection of one EF Core query: scalar columns, joined references,
/// embedded objects, and nested lists and pages (with their own where/order/first/after and totalCount) as
/// correlated collections EF translates with ROW_NUMBER() OVER (PARTITION BY ...).
/// </summary>
internal sealed class ProjectionCompiler(QueryScope scope)
{
    /// <summary>The shape of the rows of <paramref name="type"/> read through <paramref name="instance"/>.</summary>
    public RowShape Build(IEntityObjectType type, Expression instance, IReadOnlyList<CollectedField> fields, ProjectionContext context)
    {
        var shape = new RowShape(type);
        AddAuthorizationResource(shape, type, instance, fields, context);
        foreach (var field in fields)
        {
            var definition = type.Definitions.FirstOrDefault(d => d.Name == field.Definition.Name);
            if (definition is null || shape.Contains(field.ResponseKey))
            {
                continue; // a field added outside the engine resolves on its own
            }

            try
            {
                AddField(shape, type, definition, field, instance, context);
            }
            catch (QueryEngineError error)
            {
                // A refused argument of this field fails this field only (see FieldErrorSlot).
                shape.Add(new FieldErrorSlot(field.ResponseKey, error));
                scope.RefuseField();
            }
        }

        return shape;
    }

    private void AddField(RowShape shape, IEntityObjectType type, EntityFieldDefinition definition, CollectedField field,
        Expression instance, ProjectionContext context)
    {
        switch (definition.Kind)
        {
            case EntityFieldKind.Scalar:
                shape.Add(new RowSlot(field.ResponseKey, context.Leaf(scope.Rules.Narrow(Inline(definition, field, instance)))));
                break;
            case EntityFieldKind.Id:
                shape.Add(new IdSlot(field.ResponseKey, context.Leaf(Inline(definition, field, instance)), type.Name));
                break;
            case EntityFieldKind.Resolved:
                if (!shape.Contains(definition.HiddenKey))
                {
                    shape.Add(new RowSlot(definition.HiddenKey, context.Leaf(Inline(definition, field, instance))));
                }

                break;
            case EntityFieldKind.Embedded:
                var embedded = scope.Model.EmbeddedType(definition.TargetClrType);
                var embeddedShape = Build(embedded, instance, Collect(embedded, field), context);
                shape.Add(new ObjectSlot(field.ResponseKey, embeddedShape.ToExpression(), embeddedShape));
                break;
            case EntityFieldKind.Reference:
                AddReference(shape, definition, field, instance, context);
                break;
            case EntityFieldKind.List:
            case EntityFieldKind.Connection:
                AddCollection(shape, definition, field, instance, context);
                break;
        }
    }

    /// <summary>Projects the value policies are checked against, when a selected field has a policy.</summary>
    private static void AddAuthorizationResource(RowShape shape, IEntityObjectType type, Expression instance, IReadOnlyList<CollectedField> fields, ProjectionContext context)
    {
        var guarded = fields.Any(f => type.Definitions.FirstOrDefault(d => d.Name == f.Definition.Name)?.Policy is not null);
        if (guarded && type.AuthorizationResource is { } resource)
        {
            shape.Ensure(new RowSlot(RowShape.ResourceKey, context.Leaf(ParameterReplacer.Inline(resource, instance))));
        }
    }

    /// <summary>The fields selected on <paramref name="type"/> by a field's sub-selections.</summary>
    public List<CollectedField> Collect(IEntityObjectType type, CollectedField field) =>
        SelectionCollector.Collect(scope.Context, type, field.SelectionSets);

    private Expression Inline(EntityFieldDefinition definition, CollectedField field, Expression instance) =>
        ParameterReplacer.Inline(definition.ExpressionFactory is null ? definition.Expression! : definition.ExpressionFor(scope.ArgumentsOf(field)), instance);

    private void AddReference(RowShape shape, EntityFieldDefinition definition, CollectedField field, Expression instance, ProjectionContext context)
    {
        var target = scope.Model.EntityType(definition.TargetClrType);
        var reference = Inline(definition, field, instance);
        var fields = Collect(target, field);
        var rule = scope.Rules.For(target);
        if ((context.InsideLimitedPage || context.CorrelateReferences) && context.WrapLeaf is null && scope.CorrelateReferencesInPages
            && CorrelatedReference.TryBuild(scope.Db, reference, rule, out var parameter, out var wrap, out var isNull))
        {
            var correlated = Build(target, parameter, fields, new ProjectionContext(false, wrap));
            var row = correlated.ToExpression();
            var value = isNull is null ? row : Expression.Condition(isNull, Expression.Constant(null, typeof(object[])), row);
            shape.Add(new ObjectSlot(field.ResponseKey, value, correlated));
            return;
        }

        var child = Build(target, reference, fields, context);
        // A referenced row the caller may not see reads as no row (null, no error), as node does.
        Expression missing = Expression.Equal(reference, Expression.Constant(null, reference.Type));
        if (rule is not null)
        {
            missing = Expression.OrElse(missing, Expression.Not(ParameterReplacer.Inline(rule, reference)));
        }

        var test = context.Leaf(missing);
        shape.Add(new ObjectSlot(field.ResponseKey,
            Expression.Condition(test, Expression.Constant(null, typeof(object[])), child.ToExpression()), child));
    }

    private void AddCollection(RowShape shape, EntityFieldDefinition definition, CollectedField field, Expression instance, ProjectionContext context)
    {
        if (((context.InsideLimitedPage || context.WrapLeaf is not null) && scope.CorrelateReferencesInPages)
            || context.Siblings?.JoinNext() == false)
        {
            Defer(shape, definition, field, instance, context);
            return;
        }

        var arguments = scope.ArgumentsOf(field);
        var target = scope.Model.EntityType(definition.TargetClrType);
        var element = Expression.Parameter(target.ClrType, "e" + shape.Slots.Count);
        var query = CollectionQuery(definition, target, instance, element, arguments, context.Parents);
        var selection = query.Page is null ? null : ConnectionSelection.Analyze(scope.Context, field.Definition.ResolvedType!, field.SelectionSets);
        var fields = selection is null ? Collect(target, field) : SelectionCollector.Collect(scope.Context, target, selection.NodeSelections);
        var limited = context.InsideLimitedPage || query.Page is not null || Linq.HasLimit(query.Rows);
        var child = Build(target, element, fields, new ProjectionContext(limited, null) { CorrelateReferences = true });
        if (query.Page is not null)
        {
            AddCursorSlot(child, query.Keys);
        }

        if (definition.ExcludeParentLimit is not null)
        {
            child.Ensure(new RowSlot(RowShape.KeyKey, PrimaryKey.Single(scope.Db, element)));
        }

        var rows = Linq.ToList(Linq.Select(query.Rows, Expression.Lambda(child.ToExpression(), element), queryable: false));
        if (query.Page is not null)
        {
            AddConnectionSlots(shape, field.ResponseKey, rows, child, query, selection!.TotalCount);
        }
        else if (definition.ExcludeParentLimit is { } limit)
        {
            var parentKeyIndex = shape.Ensure(new RowSlot(RowShape.KeyKey, context.Leaf(PrimaryKey.Single(scope.Db, instance))));
            shape.Add(new ExcludingParentListSlot(field.ResponseKey, rows, child, parentKeyIndex, limit(arguments)));
        }
        else
        {
            shape.Add(new ListSlot(field.ResponseKey, rows, child));
        }
    }

    /// <summary>Projects the parent's key in place of the list, which a follow-up query loads (see <see cref="DeferredCollection"/>).</summary>
    private void Defer(RowShape shape, EntityFieldDefinition definition, CollectedField field, Expression instance, ProjectionContext context)
    {
        var deferred = new DeferredCollection(scope.Model.TypeDeclaring(definition), instance.Type, field);
        scope.Defer(deferred);
        shape.Add(new DeferredSlot(field.ResponseKey, context.Leaf(PrimaryKey.Single(scope.Db, instance)), deferred));
    }

    /// <summary>The nested collection filtered, and for a connection (or an explicit order) ordered, keyset-restricted and limited.</summary>
    private CollectionQueryParts CollectionQuery(EntityFieldDefinition definition, IEntityObjectType target, Expression instance,
        ParameterExpression element, FieldArguments arguments, ParentRestriction? parents)
    {
        var collection = ParameterReplacer.Inline(definition.ExpressionFor(arguments), instance);
        if (parents is not null)
        {
            collection = parents.Apply(collection);
        }

        return Restrict(collection, target, element, arguments, definition.Kind == EntityFieldKind.Connection, queryable: false);
    }

    /// <summary>
    /// Filters a collection by the field's arguments and, for a connection (or an explicit order), orders,
    /// keyset-restricts and limits it: with <see cref="Enumerable"/> calls inside a projection, or with
    /// <see cref="Queryable"/> calls when the collection is read as a query of its own (see <see cref="SingleParentPage"/>).
    /// </summary>
    public CollectionQueryParts Restrict(Expression collection, IEntityObjectType target, ParameterExpression element,
        FieldArguments arguments, bool isConnection, bool queryable)
    {
        // First, so that the filter, the page, its cursors and totalCount all see only the rows the caller may see.
        collection = scope.Rules.Restrict(collection, target, queryable);
        if (arguments.Raw("where") is IDictionary<string, object?> where
            && new FilterExpressionBuilder(scope).Build(target, element, where) is { } predicate)
        {
            collection = Linq.Where(collection, Expression.Lambda(predicate, element), queryable);
        }

        var filtered = collection;
        var order = arguments.Raw("order");
        List<SortKey> keys = isConnection || order is not null
            ? new SortKeyBuilder(scope).Build(target, element, order, appendPrimaryKey: true)
            : [];
        PageRequest? page = null;
        if (isConnection)
        {
            page = PageRequest.Parse(arguments, scope.Options, keys.Select(k => k.Key.Type).ToList(), SortKeyBuilder.Signature(keys));
            collection = ApplyCursors(collection, element, keys, page, queryable);
        }

        if (keys.Count > 0)
        {
            collection = SortKeyBuilder.Apply(collection, element, keys, page?.Backward ?? false, queryable);
        }

        if (page is not null)
        {
            collection = Linq.Take(collection, page.Size + 1, queryable);
        }

        return new CollectionQueryParts(collection, filtered, keys, page);
    }

    /// <summary>The page slot, and a correlated COUNT slot when totalCount is selected.</summary>
    private static void AddConnectionSlots(RowShape shape, string responseKey, Expression rows, RowShape child, CollectionQueryParts query, bool totalCount)
    {
        var countKey = totalCount ? responseKey + "\u0002count" : null;
        var slot = new ConnectionSlot(responseKey, rows, child, query.Page!, countKey);
        shape.Add(slot);
        if (countKey is not null)
        {
            slot.CountIndex = shape.Add(new RowSlot(countKey, Linq.Count(query.Filtered, queryable: false)));
        }
    }

    internal sealed record CollectionQueryParts(Expression Rows, Expression Filtered, List<SortKey> Keys, PageRequest? Page);

    /// <summary>Restricts a source to the rows after/before the page's cursors.</summary>
    public static Expression ApplyCursors(Expression source, ParameterExpression element, IReadOnlyList<SortKey> keys, PageRequest page, bool queryable)
    {
        if (page.After is not null)
        {
            source = Linq.Where(source, Expression.Lambda(KeysetPredicate.Build(keys, page.After, after: true), element), queryable);
        }

        if (page.Before is not null)
        {
            source = Linq.Where(source, Expression.Lambda(KeysetPredicate.Build(keys, page.Before, after: false), element), queryable);
        }

        return source;
    }

    /// <summary>Projects the sort-key values every row's cursor is encoded from.</summary>
    public static void AddCursorSlot(RowShape shape, IReadOnlyList<SortKey> keys) =>
        shape.Add(new RowSlot(RowShape.CursorKey,
            Expression.NewArrayInit(typeof(object), keys.Select(k => Expression.Convert(k.Key, typeof(object))))));
}
