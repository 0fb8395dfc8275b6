using GraphQL.Types;

using System.Linq.Expressions;

namespace Gateway.EntityFramework.Types;

/// <summary>An object type whose source is a projected <see cref="EntityRow"/>: an entity type or an embedded type.</summary>
internal interface IEntityObjectType : IObjectGraphType
{
    /// <summary>The CLR type the field expressions read from.</summary>
    Type ClrType { get; }

    /// <summary>Every declared field, including those added by extensions.</summary>
    List<EntityFieldDefinition> Definitions { get; }

    /// <summary>Whether this is an entity (with a table) rather than an embedded object over another entity.</summary>
    bool IsEntity { get; }

    /// <summary>The field declared with <c>Id(...)</c>, if any.</summary>
    EntityFieldDefinition? IdField { get; }

    /// <summary>
    /// Given the request's user, the predicate a row of this type must satisfy to be read at all (null: every row),
    /// applied in SQL on every path; see <see cref="EntityType{T}.RowRule"/>.
    /// </summary>
    Func<System.Security.Claims.ClaimsPrincipal?, LambdaExpression?>? RowRule { get; }

    /// <summary>The value policies are checked against (an expression over the entity); the id when not declared.</summary>
    LambdaExpression? AuthorizationResource { get; }
}
