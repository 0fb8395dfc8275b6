using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>Refines a declared entity field: description, nullability, filter/sort opt-out, authorization.</summary>
public sealed class EntityFieldBuilder
{
    private readonly EntityFieldDefinition _definition;

    internal EntityFieldBuilder(EntityFieldDefinition definition) => _definition = definition;

    /// <summary>Sets the field's description in the schema.</summary>
    public EntityFieldBuilder Description(string description)
    {
        _definition.Description = description;
        return this;
    }

    /// <summary>Marks the field deprecated.</summary>
    public EntityFieldBuilder Deprecate(string reason)
    {
        _definition.DeprecationReason = reason;
        return this;
    }

    /// <summary>Overrides the nullability inferred from the expression.</summary>
    public EntityFieldBuilder Nullable(bool nullable = true)
    {
        _definition.Nullable = nullable;
        return this;
    }

    /// <summary>Leaves the field out of the entity's filter input type.</summary>
    public EntityFieldBuilder NotFilterable()
    {
        _definition.Filterable = false;
        return this;
    }

    /// <summary>Leaves the field out of the entity's sort input type.</summary>
    public EntityFieldBuilder NotSortable()
    {
        _definition.Sortable = false;
        return this;
    }

    /// <summary>
    /// Requires <paramref name="policy"/> to read the field, and to filter or sort on it. The policy is
    /// checked by the <see cref="IEntityFieldAuthorizer"/> registered in the request services;
    /// without one, access is denied.
    /// </summary>
    public EntityFieldBuilder Authorize(string policy)
    {
        _definition.Policy = policy;
        return this;
    }

    /// <summary>
    /// Uses the named scalar or enum graph type <typeparamref name="TGraphType"/> (e.g. <c>DateTimeOffsetGraphType</c>)
    /// instead of the type inferred from the CLR type; nullability is still inferred unless set with <see cref="Nullable"/>.
    /// </summary>
    public EntityFieldBuilder Type<TGraphType>()
        where TGraphType : ScalarGraphType
    {
        _definition.ExplicitGraphType = typeof(TGraphType);
        return this;
    }

    /// <summary>
    /// For a list of entities of the parent's own type (e.g. <c>related</c>): removes the parent from the list
    /// (matched by primary key) and keeps at most <paramref name="limit"/> items. Declare the list with one row
    /// more than needed (<c>.Take(first + 1)</c>) instead of filtering <c>o.Id != p.Id</c>: that non-equality
    /// correlation needs APPLY/LATERAL, which SQLite lacks, inside a nested page.
    /// </summary>
    public EntityFieldBuilder ExcludeParent(Func<FieldArguments, int> limit)
    {
        _definition.ExcludeParentLimit = limit;
        return this;
    }

    /// <summary>Adds an argument to the field (for argument-dependent expressions).</summary>
    public EntityFieldBuilder Argument(QueryArgument argument)
    {
        _definition.ExtraArguments.Add(argument);
        return this;
    }
}
