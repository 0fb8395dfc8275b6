using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// The follow-up query of a deferred nested page whose parents are a single row (a product page's reviews): read as
/// a query of its own, <c>WHERE fk = @key ORDER BY ... LIMIT n + 1</c>, which an index on (fk, sort key) serves
/// by reading n + 1 rows. Read through the parent instead, SQLite numbers every child row of the parent with
/// <c>ROW_NUMBER() OVER (PARTITION BY fk ...)</c>, computing their columns and correlated author lookups, before
/// keeping the page (1,389 reviews to keep six on product 1 at scale 20). EF Core cannot project such a page
/// through the parent row without APPLY, which SQLite lacks, so the page is the statement's root. A selected
/// <c>totalCount</c> rides along as an uncorrelated <c>COUNT(*)</c> column of each row (SQLite evaluates it once):
/// still one statement for the field.
/// </summary>
internal sealed record SingleParentPage(IQueryable Source, Expression Query, ParameterExpression Element, RowShape Shape, PageRequest Page, bool Counted)
{
    private const string CountKey = "\u0001count";

    /// <summary>The page of rows read, with its total count when selected.</summary>
    public ConnectionResult Build(List<EntityRow> rows)
    {
        // Without a cursor the statement reads the first n + 1 matching rows, so no row means no matching row.
        int? count = !Counted ? null : rows.Count > 0 && rows[0].TryGet(CountKey, out var value) ? (int)value! : 0;
        return ConnectionBuilder.Build(rows, Page, count);
    }

    /// <summary>
    /// The page's query, or null where this form does not apply and the windowed follow-up is used: not a connection,
    /// a field that is not a plain collection navigation of the parent (or its <c>Related&lt;T&gt;.Of</c> rows) on a single-column key, a policy on the field
    /// (checked against the parent row the windowed form projects), a selected <c>totalCount</c> with a
    /// cursor, or an argument the engine refuses (whose error the windowed form reports on the field).
    /// </summary>
    public static SingleParentPage? TryBuild(QueryScope scope, DeferredCollection collection, object parentKey)
    {
        var field = collection.Field;
        var definition = collection.Owner.Definitions.FirstOrDefault(d => d.Name == field.Definition.Name);
        if (definition is not { Kind: EntityFieldKind.Connection, ExcludeParentLimit: null, Policy: null })
        {
            return null;
        }

        var arguments = scope.ArgumentsOf(field);
        var parent = Expression.Parameter(collection.EntityClrType, "parent");
        if (EntitySets.CollectionForeignKey(scope.Db, ParameterReplacer.Inline(definition.ExpressionFor(arguments), parent), parent) is not { } foreignKey)
        {
            return null;
        }

        var selection = ConnectionSelection.Analyze(scope.Context, field.Definition.ResolvedType!, field.SelectionSets);
        var target = scope.Model.EntityType(definition.TargetClrType);
        if (target.ClrType != foreignKey.Rows)
        {
            return null;
        }

        var element = Expression.Parameter(target.ClrType, "e");
        var source = EntitySets.Of(scope.Db, target.ClrType);
        var fk = Expression.Property(element, foreignKey.Key);
        var ofParent = Linq.Where(source.Expression,
            Expression.Lambda(Expression.Equal(fk, ValueParameter.Slot(parentKey, fk.Type)), element), queryable: true);

        var compiler = new ProjectionCompiler(scope);
        ProjectionCompiler.CollectionQueryParts query;
        try
        {
            query = compiler.Restrict(ofParent, target, element, arguments, isConnection: true, queryable: true);
        }
        catch (QueryEngineError)
        {
            return null;
        }

        if (selection.TotalCount && (query.Page!.After is not null || query.Page.Before is not null))
        {
            return null; // an empty page after a cursor says nothing about the count
        }

        // Built only once this form is certain: building registers the rows' own follow-up collections.
        var shape = compiler.Build(target, element, SelectionCollector.Collect(scope.Context, target, selection.NodeSelections),
            ProjectionContext.ForRoot(scope.Db, query.Rows, element));
        ProjectionCompiler.AddCursorSlot(shape, query.Keys);
        if (selection.TotalCount)
        {
            // The count's filter declares the element parameter the projection is over: it gets a parameter of its own.
            var counted = new ParameterReplacer(element, Expression.Parameter(element.Type, "counted")).Visit(query.Filtered);
            shape.Add(new RowSlot(CountKey, Linq.Count(counted, queryable: true)));
        }

        return new SingleParentPage(source, query.Rows, element, shape, query.Page!, selection.TotalCount);
    }
}
