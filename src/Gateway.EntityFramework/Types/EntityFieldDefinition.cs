using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>The declaration of one field of an entity, embedded or root type, completed by <see cref="EntityModel"/>.</summary>
internal sealed class EntityFieldDefinition
{
    public required string Name { get; init; }

    public required EntityFieldKind Kind { get; init; }

    /// <summary>The entity (or DbContext, for root fields) the expression reads from.</summary>
    public required Type SourceClrType { get; init; }

    /// <summary>Expression over the source: a value, a related entity, or related entities.</summary>
    public LambdaExpression? Expression { get; init; }

    /// <summary>Builds <see cref="Expression"/> from the field's arguments, for argument-dependent fields.</summary>
    public Func<FieldArguments, LambdaExpression>? ExpressionFactory { get; init; }

    /// <summary>Scalar value type, related entity type, or embedded graph type.</summary>
    public required Type TargetClrType { get; init; }

    public QueryArguments ExtraArguments { get; } = new();

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    public bool? Nullable { get; set; }

    public bool Filterable { get; set; } = true;

    public bool Sortable { get; set; } = true;

    public string? Policy { get; set; }

    /// <summary>For lists of the parent's own type: how many items to keep once the parent is removed.</summary>
    public Func<FieldArguments, int>? ExcludeParentLimit { get; set; }

    public Type? ExplicitGraphType { get; set; }

    /// <summary>For <see cref="EntityFieldKind.Resolved"/>: receives the projected key.</summary>
    public Func<IResolveFieldContext, object?, ValueTask<object?>>? Resolver { get; init; }

    /// <summary>The response key under which hidden values (keys of resolved fields) are projected.</summary>
    /// <summary>For root fields: the query the field starts from, given a DbContext and the arguments.</summary>
    public Func<object, FieldArguments, IQueryable>? RootSource { get; init; }

    public string HiddenKey => "\u0001" + Name;

    public LambdaExpression ExpressionFor(FieldArguments arguments) =>
        ExpressionFactory?.Invoke(arguments) ?? Expression!;
}
