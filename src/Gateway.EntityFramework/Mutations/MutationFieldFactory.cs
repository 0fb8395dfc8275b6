using System.Linq.Expressions;
using Gateway.EntityFramework.Cost;
using Gateway.EntityFramework.Types;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Completes a <see cref="MutationDefinition"/> into its root field:
/// <c>{name}(input: {Name}Input!): {Name}Payload!</c>, with <c>type {Name}Payload { {entity}: {Entity}, errors: [{Name}Error!] }</c>
/// and <c>union {Name}Error = {declared errors} | ValidationError</c>.
/// </summary>
internal sealed class MutationFieldFactory(EntityModel model)
{
    private readonly InputObjectTypes _inputs = new(model);
    private readonly ErrorObjectTypes _errors = new(model);

    public FieldType Create(MutationDefinition definition)
    {
        var typeName = DeclaredMember.PascalCase(definition.Name);
        var input = _inputs.Create(definition.InputType, typeName + "Input");
        var result = ResultTypeOf(definition);
        var union = new UnionGraphType { Name = typeName + "Error" };
        // ValidationError is in every union; a declared subclass of its exception is already covered by it.
        foreach (var error in definition.Errors.Where(e => !typeof(InputValidationException).IsAssignableFrom(e)).Append(typeof(InputValidationException)))
        {
            union.AddPossibleType(_errors.For(error));
        }

        var payload = new ObjectGraphType { Name = typeName + "Payload" };
        payload.AddField(new FieldType
        {
            Name = DeclaredMember.CamelCase(result.Name),
            Description = $"The {DeclaredMember.Words(result.Name)}, or null when the mutation failed.",
            ResolvedType = result,
            Resolver = new FuncFieldResolver<object?>(async context =>
                ((MutationResult)context.Source!).Key is { } key ? await definition.LoadResult(context, key).ConfigureAwait(false) : null),
        });
        var errors = payload.AddField(new FieldType
        {
            Name = "errors",
            Description = "Why nothing was written, or null on success.",
            ResolvedType = new ListGraphType(new NonNullGraphType(union)),
            Resolver = new FuncFieldResolver<object?>(context => ((MutationResult)context.Source!).Errors),
        });
        // The size a cost analyzer counts the list at, printed so that the SDL says what the analysis assumes.
        FieldCosts.List(errors, model.Options.AssumedListSize);

        var resolver = new MutationResolver(definition, input, KeyReader(result));
        var field = new FieldType
        {
            Name = definition.Name,
            Description = definition.Description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input.GraphType)) { Name = "input" }),
            Resolver = new FuncFieldResolver<object?>(resolver.ResolveAsync),
        };
        FieldCosts.Mutation(field);
        return field;
    }

    private IEntityObjectType ResultTypeOf(MutationDefinition definition)
    {
        var type = model.EntityType(definition.ResultType);
        return type.IdField is not null
            ? type
            : throw new InvalidOperationException($"Mutation '{definition.Name}' returns {type.Name}, which declares no Id(...): the payload loads it by key.");
    }

    /// <summary>Reads the key the payload loads the entity by, with the entity type's own id expression.</summary>
    private static Func<object, object?> KeyReader(IEntityObjectType type)
    {
        var id = type.IdField!.Expression!;
        var entity = Expression.Parameter(typeof(object), "entity");
        var body = Expression.Invoke(id, Expression.Convert(entity, id.Parameters[0].Type));
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), entity).Compile();
    }
}
