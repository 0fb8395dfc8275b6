using Gateway.DataLoader;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Types;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Gateway.EntityFramework.Relay;

/// <summary>
/// Batches <c>node(id:)</c> fields of one request: every <c>node</c> of the same type with the same selection
/// (aliases of one screen's fragment, say) is read by one projected statement, however many fields ask.
/// Request-scoped, like every DataLoader: its cache holds rows for one request only.
/// </summary>
internal sealed class NodeBatchLoader(EntityModel model) : ProjectedBatchDataLoader<object, NodeSelection, EntityRow>
{
    protected override async Task<IReadOnlyDictionary<object, EntityRow>> LoadBatchAsync(
        IReadOnlyList<object> keys, NodeSelection selection, CancellationToken cancellationToken)
    {
        // Any caller of the batch compiles the projection: their selections are equal by construction.
        await using var lease = await DbContextLease.CreateAsync(selection.Context, model.ContextType).ConfigureAwait(false);
        return await NodeResolver.LoadAsync(new QueryScope(selection.Context, lease.Db, model), selection.Type, keys.ToList()).ConfigureAwait(false);
    }
}

/// <summary>
/// What a <c>node</c> field selects on one type: equal when the type, the printed selection set and the
/// operation's variables are the same, so that such fields share a batch and nothing else does.
/// </summary>
internal sealed class NodeSelection(IEntityObjectType type, IResolveFieldContext context) : IEquatable<NodeSelection>
{
    private readonly string _selection = Print(context);

    public IEntityObjectType Type { get; } = type;

    /// <summary>The field context the projection is compiled with (fragments and variables come from it).</summary>
    public IResolveFieldContext Context { get; } = context;

    public bool Equals(NodeSelection? other) =>
        other is not null && ReferenceEquals(Type, other.Type) && _selection == other._selection
        && ReferenceEquals(Context.Document, other.Context.Document) && ReferenceEquals(Context.Variables, other.Context.Variables);

    public override bool Equals(object? obj) => Equals(obj as NodeSelection);

    public override int GetHashCode() => HashCode.Combine(Type, _selection);

    /// <summary>
    /// The printed selection of each field node, kept as long as its document: a cached document's nodes are the same
    /// objects on every request, so a screen's <c>node</c> field is printed once, not per request (3.6% of a product
    /// page's CPU by a profile).
    /// </summary>
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, string> _printed = [];

    private static string Print(IResolveFieldContext context) =>
        context.FieldAst.SelectionSet is { } selectionSet ? _printed.GetValue(selectionSet, Print) : "";

    private static string Print(GraphQLSelectionSet selectionSet)
    {
        var writer = new StringWriter();
        new SDLPrinter().PrintAsync(selectionSet, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString();
    }
}
