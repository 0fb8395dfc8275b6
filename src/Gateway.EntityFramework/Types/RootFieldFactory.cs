using Gateway.EntityFramework.Cost;
using Gateway.EntityFramework.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>Builds the GraphQL field of a root declaration.</summary>
internal static class RootFieldFactory
{
    public static FieldType Create(EntityModel model, EntityFieldDefinition definition)
    {
        var type = model.EntityType(definition.TargetClrType);
        var field = new FieldType
        {
            Name = definition.Name,
            Description = definition.Description,
            DeprecationReason = definition.DeprecationReason,
            Arguments = new QueryArguments(),
            Resolver = new FuncFieldResolver<object?>(new RootFieldResolver(model, definition).ResolveAsync),
        };
        switch (definition.Kind)
        {
            case EntityFieldKind.Connection:
                // nullable as in Hot Chocolate: a paging error nulls this field, not the whole response
                field.ResolvedType = model.Connection(definition.Name, null, type);
                StandardArguments.AddPaging(field);
                StandardArguments.AddFilterAndSort(model, field, type);
                break;
            case EntityFieldKind.List:
                field.ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(type)));
                StandardArguments.AddFilterAndSort(model, field, type);
                break;
            default:
                field.ResolvedType = type;
                break;
        }

        foreach (var argument in definition.ExtraArguments)
        {
            field.Arguments.Add(argument);
        }

        FieldCosts.Query(field);
        if (definition.Kind == EntityFieldKind.Connection)
        {
            FieldCosts.Connection(field, model.Options);
        }
        else if (definition.Kind == EntityFieldKind.List)
        {
            FieldCosts.List(field, model.Options.AssumedListSize);
        }

        return field;
    }
}
