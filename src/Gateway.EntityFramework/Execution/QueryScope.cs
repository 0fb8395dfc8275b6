using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Execution;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Execution;

/// <summary>Everything one root field's compilation needs: its request, its DbContext, the model, and the policies its filters and sorts touched.</summary>
internal sealed class QueryScope(IResolveFieldContext context, DbContext db, EntityModel model)
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private static readonly ConditionalWeakTable<DbContext, object> ProviderIsSqlite = [];

    private readonly HashSet<string> _policies = [];
    private readonly List<DeferredCollection> _deferred = [];
    private bool _refusedField;

    // Asked by every read of the request: the caller's claims are enumerated once.
    private readonly bool _anonymous = context.User is null || !context.User.Claims.Any();

    public IResolveFieldContext Context { get; } = context;

    public DbContext Db { get; } = db;

    public EntityModel Model { get; } = model;

    public EntityFrameworkOptions Options => Model.Options;

    /// <summary>The row rules of the request's user, ANDed into every read of a ruled type.</summary>
    public RowRules Rules { get; } = new(context.User, model);

    /// <summary>SQLite has no APPLY/LATERAL: references inside nested pages become correlated subqueries there.</summary>
    public bool CorrelateReferencesInPages => Options.NestedPageStrategy switch
    {
        NestedPageStrategy.CorrelatedSubquery => true,
        NestedPageStrategy.Navigation => false,
        _ => OnSqlite(Db),
    };

    /// <summary>
    /// Read once per context (pooled contexts serve many requests): EF Core's provider name asks the provider's
    /// assembly for its name on every call, several times per request.
    /// </summary>
    private static bool OnSqlite(DbContext db) =>
        (bool)ProviderIsSqlite.GetValue(db, context => context.Database.ProviderName == SqliteProvider);

    /// <summary>Queues a nested list for a follow-up query after the rows being compiled are read.</summary>
    public void Defer(DeferredCollection collection) => _deferred.Add(collection);

    /// <summary>The follow-up queries queued so far, removed from the queue.</summary>
    public List<DeferredCollection> TakeDeferred()
    {
        var taken = _deferred.ToList();
        _deferred.Clear();
        return taken;
    }

    /// <summary>
    /// Whether this request's reads may be prepared and shared (see <see cref="PreparedRead"/>): a read's tree depends on
    /// the caller only through row rules and policies, which are the same for every anonymous caller; and a tree with a
    /// refused field carries that request's error.
    /// </summary>
    public bool SharesReads => Options.PreparedReads && Options.CompiledPlans && !_refusedField && _anonymous;

    /// <summary>Notes that a field's arguments were refused while compiling (see <see cref="FieldErrorSlot"/>).</summary>
    public void RefuseField() => _refusedField = true;

    /// <summary>The policies noted and not demanded yet.</summary>
    public string[] RequiredPolicies => [.. _policies];

    /// <summary>Notes that the query filters or sorts on a field guarded by <paramref name="policy"/>.</summary>
    public void Require(string? policy)
    {
        if (policy is not null)
        {
            _policies.Add(policy);
        }
    }

    /// <summary>Refuses the query when the caller may not read a field it filters or sorts on.</summary>
    public async ValueTask DemandPoliciesAsync()
    {
        foreach (var policy in _policies)
        {
            await FieldAuthorization.DemandAsync(Context, policy, null).ConfigureAwait(false);
        }

        _policies.Clear();
    }

    public FieldArguments ArgumentsOf(CollectedField field)
    {
        var node = field.Nodes[0];
        var values = ExecutionHelper.GetArguments(field.Definition.Arguments, node.Arguments, Context.Variables, Context.Document, node, null);
        return new FieldArguments(Context, values);
    }
}
