using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Types;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// The follow-up query of a deferred nested page whose parents are a single row (a product page's reviews): read as
/// a query of its own, <c>WHERE fk = @key ORDER BY ... LIMIT n + 1</c>, which an index on (fk, sort key) serves
/// by reading n + 1 rows. Read through the parent instead, SQLite numbers every child row of the parent with
/// <c>ROW_NUMBER() OVER (PARTITION BY fk ...)</c>, computing their columns and correlated author lookups, before
/// keeping the page (1,389 reviews to keep six on product 1 at scale 20). Still one statement for the field.
/// </summary>
internal sealed record SingleParentPage(IQueryable Source, Expression Query, ParameterExpression Element, RowShape Shape, PageRequest Page)
{
    /// <summary>
    /// The page's query, or null where this form does not apply and the windowed follow-up is used: not a connection,
    /// a field that is not a plain collection navigation of the parent on a single-column key, a selected
    /// <c>totalCount</c> (which would take a second statement), or an argument the engine refuses (whose error the
    /// windowed path reports on the field).
    /// </summary>
    public static SingleParentPage? TryBuild(QueryScope scope, DeferredCollection collection, object parentKey)
    {
        var field = collection.Field;
        var definition = collection.Owner.Definitions.FirstOrDefault(d => d.Name == field.Definition.Name);
        if (definition is not { Kind: EntityFieldKind.Connection, ExcludeParentLimit: null })
        {
            return null;
        }

        var arguments = scope.ArgumentsOf(field);
        var parent = Expression.Parameter(collection.EntityClrType, "parent");
        if (ParameterReplacer.Inline(definition.ExpressionFor(arguments), parent) is not MemberExpression navigation
            || navigation.Expression != parent
            || ForeignKeyOf(scope.Db, parent.Type, navigation.Member.Name) is not { } foreignKey)
        {
            return null;
        }

        var selection = ConnectionSelection.Analyze(scope.Context, field.Definition.ResolvedType!, field.SelectionSets);
        if (selection.TotalCount)
        {
            return null;
        }

        var target = scope.Model.EntityType(definition.TargetClrType);
        if (target.ClrType != foreignKey.DeclaringType.ClrType)
        {
            return null;
        }

        var element = Expression.Parameter(target.ClrType, "e");
        var source = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(target.ClrType).Invoke(scope.Db, null)!;
        var fk = Expression.Property(element, foreignKey.PropertyInfo!);
        var ofParent = Linq.Where(source.Expression,
            Expression.Lambda(Expression.Equal(fk, ValueParameter.Create(parentKey, fk.Type)), element), queryable: true);

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

        var shape = compiler.Build(target, element, SelectionCollector.Collect(scope.Context, target, selection.NodeSelections),
            ProjectionContext.ForRoot(scope.Db, query.Rows, element));
        ProjectionCompiler.AddCursorSlot(shape, query.Keys);
        return new SingleParentPage(source, query.Rows, element, shape, query.Page!);
    }

    /// <summary>The foreign key behind a collection navigation, when it is one non-nullable column referencing the primary key.</summary>
    private static Microsoft.EntityFrameworkCore.Metadata.IProperty? ForeignKeyOf(DbContext db, Type owner, string navigationName)
    {
        var navigation = db.Model.FindEntityType(owner)?.FindNavigation(navigationName);
        if (navigation is not { IsCollection: true } || navigation.ForeignKey.Properties.Count != 1
            || !navigation.ForeignKey.PrincipalKey.IsPrimaryKey())
        {
            return null;
        }

        var property = navigation.ForeignKey.Properties[0];
        return property.PropertyInfo is not null && Nullable.GetUnderlyingType(property.ClrType) is null ? property : null;
    }
}
