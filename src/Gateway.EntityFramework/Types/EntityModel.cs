using Gateway.EntityFramework.Filtering;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Sorting;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// Every declaration of the engine, completed into graph types: extensions applied, references resolved,
/// filter, sort and connection types built. One per service provider (the schema's lifetime).
/// </summary>
internal sealed class EntityModel
{
    private readonly Dictionary<Type, IEntityObjectType> _entities = [];
    private readonly Dictionary<Type, IEntityObjectType> _embedded = [];
    private readonly Dictionary<string, (ObjectGraphType Type, IObjectGraphType Node)> _connections = [];
    private readonly PageInfoType _pageInfo = new();
    private readonly Dictionary<Type, object> _instances;

    public EntityModel(IServiceProvider services, IEnumerable<EntityRegistration> registrations, EntityContextRegistration context)
    {
        Options = services.GetService<IOptions<EntityFrameworkOptions>>()?.Value ?? new EntityFrameworkOptions();
        ContextType = context.ContextType;
        Filters = new FilterInputTypes(this);
        Sorts = new SortInputTypes(this);
        var instances = registrations.Select(r => r.ImplementationType).Distinct()
            .Select(t => ActivatorUtilities.CreateInstance(services, t)).ToList();
        _instances = instances.ToDictionary(i => i.GetType());

        foreach (var type in instances.OfType<IEntityObjectType>())
        {
            (type.IsEntity ? _entities : _embedded)[type.IsEntity ? type.ClrType : type.GetType()] = type;
        }

        foreach (var extension in instances.OfType<IEntityTypeExtension>())
        {
            EntityType(extension.EntityClrType).Definitions.AddRange(extension.Definitions);
        }

        RootFields = instances.OfType<IEntityQueries>().SelectMany(q => q.Definitions).ToList();
        foreach (var type in _entities.Values.Concat(_embedded.Values))
        {
            EntityFieldFactory.AddFields(this, type);
            if (type.IdField is not null)
            {
                type.Interfaces.Add(typeof(NodeInterfaceType));
                type.AddResolvedInterface(Node);
                Node.AddPossibleType(type);
            }
        }
    }

    public EntityFrameworkOptions Options { get; }

    public Type ContextType { get; }

    public NodeInterfaceType Node { get; } = new();

    public FilterInputTypes Filters { get; }

    public SortInputTypes Sorts { get; }

    public IReadOnlyList<EntityFieldDefinition> RootFields { get; }

    /// <summary>Every named type the engine built, to register with the schema.</summary>
    public IEnumerable<IGraphType> AllTypes =>
        new IGraphType[] { Node, _pageInfo, Sorts.Direction }
            .Concat(_entities.Values).Concat(_embedded.Values)
            .Concat(Filters.All).Concat(Sorts.All).Concat(_connections.Values.Select(c => c.Type));

    /// <summary>The completed instance of a registered declaration class (so DI hands graph types out once, completed).</summary>
    public object Instance(Type declarationType) => _instances[declarationType];

    public IEntityObjectType EntityType(Type clrType) =>
        _entities.TryGetValue(clrType, out var type)
            ? type
            : throw new InvalidOperationException($"No entity type is registered for {clrType.Name}: register one with AddEntityType<T>().");

    public IEntityObjectType EmbeddedType(Type graphClrType) =>
        _embedded.TryGetValue(graphClrType, out var type)
            ? type
            : throw new InvalidOperationException($"Embedded type {graphClrType.Name} is not registered: register it with AddEmbeddedType<T>().");

    /// <summary>The entity or embedded type whose declarations hold <paramref name="definition"/>.</summary>
    public IEntityObjectType TypeDeclaring(EntityFieldDefinition definition) =>
        _entities.Values.Concat(_embedded.Values).First(t => t.Definitions.Contains(definition));

    /// <summary>The entity type registered for <paramref name="clrType"/>, or null when there is none.</summary>
    public IEntityObjectType? FindEntityType(Type clrType) => _entities.GetValueOrDefault(clrType);

    public IEntityObjectType? EntityTypeByName(string name) =>
        _entities.Values.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The connection type for a field, named from the field (<c>products</c> gives <c>ProductsConnection</c>);
    /// prefixed with the parent type when two fields of the same name page different types.
    /// </summary>
    public ObjectGraphType Connection(string fieldName, string? parentName, IObjectGraphType node)
    {
        var prefix = char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
        if (_connections.TryGetValue(prefix, out var existing) && !ReferenceEquals(existing.Node, node))
        {
            prefix = (parentName ?? "Query") + prefix;
        }

        if (!_connections.TryGetValue(prefix, out existing))
        {
            existing = (ConnectionTypes.Create(prefix, node, _pageInfo), node);
            _connections[prefix] = existing;
        }

        return existing.Type;
    }
}
