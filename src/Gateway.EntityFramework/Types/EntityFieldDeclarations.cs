using System.Linq.Expressions;
using System.Reflection;
using GraphQL;

namespace Gateway.EntityFramework.Types;

/// <summary>The fields declared through <see cref="EntityTypeBase{T}"/>, checked for duplicates as they are added.</summary>
internal sealed class EntityFieldDeclarations<T>
{
    public List<EntityFieldDefinition> Fields { get; } = [];

    public EntityFieldBuilder Add(string name, EntityFieldKind kind, LambdaExpression? expression, Type target,
        Func<FieldArguments, LambdaExpression>? factory = null, Func<IResolveFieldContext, object?, ValueTask<object?>>? resolver = null)
    {
        if (Fields.Any(f => f.Name == name))
        {
            throw new InvalidOperationException($"Field '{name}' is declared twice on {typeof(T).Name}.");
        }

        var definition = new EntityFieldDefinition
        {
            Name = name,
            Kind = kind,
            SourceClrType = typeof(T),
            Expression = expression,
            ExpressionFactory = factory,
            TargetClrType = target,
            Resolver = resolver,
        };
        if (kind is EntityFieldKind.Resolved)
        {
            definition.Filterable = false;
            definition.Sortable = false;
        }

        Fields.Add(definition);
        return new EntityFieldBuilder(definition);
    }

    public static string NameOf(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        if (body is MemberExpression { Member: PropertyInfo or FieldInfo } member)
        {
            return JsonNamingCamel(member.Member.Name);
        }

        throw new ArgumentException($"Cannot infer a field name from '{expression}': pass a name.", nameof(expression));
    }

    private static string JsonNamingCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
