using Gateway.EntityFramework.Cost;
using Gateway.EntityFramework.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>Turns the declarations of an entity or embedded type into its GraphQL fields.</summary>
internal static class EntityFieldFactory
{
    public static void AddFields(EntityModel model, IEntityObjectType type)
    {
        foreach (var definition in type.Definitions)
        {
            var field = new FieldType
            {
                Name = definition.Name,
                Description = definition.Description,
                DeprecationReason = definition.DeprecationReason,
                Arguments = new QueryArguments(),
            };
            SetType(model, type, definition, field);
            foreach (var argument in definition.ExtraArguments)
            {
                field.Arguments.Add(argument);
            }

            AddCost(model, definition, field);
            field.Resolver = new FuncFieldResolver<object?>(context => RowFieldResolver.ResolveAsync(context, definition));
            type.AddField(field);
        }
    }

    private static void SetType(EntityModel model, IEntityObjectType owner, EntityFieldDefinition definition, FieldType field)
    {
        switch (definition.Kind)
        {
            case EntityFieldKind.Id:
                field.Type = typeof(NonNullGraphType<IdGraphType>);
                break;
            case EntityFieldKind.Scalar:
                field.Type = ClrGraphTypes.Wrap(definition.ExplicitGraphType ?? ClrGraphTypes.NamedGraphType(definition.TargetClrType),
                    definition.Nullable ?? ClrGraphTypes.IsNullable(definition.Expression!));
                break;
            case EntityFieldKind.Reference:
                field.ResolvedType = Wrap(model.EntityType(definition.TargetClrType), definition.Nullable ?? ClrGraphTypes.IsNullable(definition.Expression!));
                break;
            case EntityFieldKind.Embedded:
                field.ResolvedType = Wrap(model.EmbeddedType(definition.TargetClrType), definition.Nullable ?? false);
                break;
            case EntityFieldKind.List:
                var item = model.EntityType(definition.TargetClrType);
                field.ResolvedType = Wrap(new ListGraphType(new NonNullGraphType(item)), definition.Nullable ?? false);
                StandardArguments.AddFilterAndSort(model, field, item);
                break;
            case EntityFieldKind.Connection:
                var node = model.EntityType(definition.TargetClrType);
                field.ResolvedType = Wrap(model.Connection(definition.Name, owner.Name, node), definition.Nullable ?? true);
                StandardArguments.AddPaging(field);
                StandardArguments.AddFilterAndSort(model, field, node);
                break;
            case EntityFieldKind.Resolved:
                field.Type = definition.TargetClrType;
                break;
        }
    }

    /// <summary>Nested collections are counted by their size; the statement they add is part of the root's cost.</summary>
    private static void AddCost(EntityModel model, EntityFieldDefinition definition, FieldType field)
    {
        if (definition.Kind == EntityFieldKind.Connection)
        {
            FieldCosts.Connection(field, model.Options);
        }
        else if (definition.Kind == EntityFieldKind.List)
        {
            FieldCosts.List(field, model.Options.AssumedListSize);
        }
    }

    private static IGraphType Wrap(IGraphType type, bool nullable) => nullable ? type : new NonNullGraphType(type);
}
