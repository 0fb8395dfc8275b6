using Gateway.EntityFramework;
using GraphQL.Types;

namespace Gateway.Errors;

/// <summary>
/// A mutation payload in Hot Chocolate's convention: <c>type {Name} { {entityField}: {Entity}, errors: [{Union}!] }</c>.
/// The entity is loaded by the query engine for the client's selection (and guarded as when a query reaches it);
/// errors list what stopped the mutation.
/// </summary>
public abstract class EntityPayloadType<TEntity, TUnion> : ObjectGraphType<MutationPayload>
    where TEntity : class
    where TUnion : UnionGraphType
{
    protected EntityPayloadType(string name, string entityField, string entityTypeName)
    {
        Name = name;
        Field(entityField, new GraphQLTypeReference(entityTypeName))
            .Description($"The {entityTypeName.ToLowerInvariant()}, or null when the mutation failed.")
            .ResolveAsync(async context => context.Source.EntityId is { } id ? await context.LoadEntityAsync<TEntity>(id) : null);
        Field<ListGraphType<NonNullGraphType<TUnion>>>("errors")
            .Description("Why nothing was written, or null on success.")
            .Resolve(context => context.Source.Errors);
    }
}
