using GraphQL;
using GraphQL.DI;
using GraphQL.PersistedDocuments;

namespace Gateway.Http.Persisted;

/// <summary>
/// Resolves persisted operations before the document cache and the executer see the request: Apollo's automatic
/// persisted queries (<c>extensions.persistedQuery</c>), trusted documents mode, and <c>documentId</c>s, the latter
/// through GraphQL.NET's own <see cref="PersistedDocumentHandler"/> loading from <see cref="PersistedDocumentStore"/>.
/// Every outcome is a coded GraphQL error or the request with its <see cref="ExecutionOptions.Query"/> filled in, so
/// the HTTP and WebSocket transports behave alike.
/// </summary>
internal sealed class PersistedOperationHandler : IConfigureExecution
{
    private readonly PersistedDocumentStore _store;
    private readonly PersistedDocumentHandler _documents;

    public PersistedOperationHandler(PersistedDocumentStore store)
    {
        _store = store;
        var options = new PersistedDocumentOptions
        {
            AllowOnlyPersistedDocuments = store.TrustedOnly,
            GetQueryDelegate = (execution, prefix, payload) => store.GetQueryAsync(prefix, payload, execution.CancellationToken),
        };
        // A bare hex id (Relay, Hot Chocolate) next to the GraphQL-over-HTTP form "sha256:<hex>".
        options.AllowedPrefixes.Add(null);
        _documents = new TrustedDocumentHandler(options);
    }

    /// <summary>Before the document cache (200), which keys on the query text this handler fills in.</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null)
        {
            return await next(options).ConfigureAwait(false);
        }

        var apq = AutomaticPersistedQuery.Read(options.Extensions, out var apqError);
        if (apqError is not null)
        {
            return Refuse(apqError);
        }

        if (apq is not null)
        {
            return await ExecuteAutomaticAsync(options, apq, next).ConfigureAwait(false);
        }

        // Trusted mode still runs the exact text of a manifest document: it is that document (clients that cannot
        // send ids, such as a subscription client, keep working); any other text is refused.
        if (_store.TrustedOnly && options.Query is not null && options.DocumentId is null)
        {
            return _store.Manifest.TryGet(Sha256Hex.Of(options.Query), out _)
                ? await next(options).ConfigureAwait(false)
                : Refuse(new PersistedOperationOnlyError());
        }

        return await _documents.ExecuteAsync(options, next).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> ExecuteAutomaticAsync(ExecutionOptions options, AutomaticPersistedQuery apq, ExecutionDelegate next)
    {
        if (!_store.AutomaticPersistedQueries)
        {
            return Refuse(new PersistedQueryNotSupportedError("automatic persisted queries are disabled on this server."));
        }

        if (options.DocumentId is not null)
        {
            return Refuse(new InvalidRequestError());
        }

        if (options.Query is null)
        {
            if (_store.Find(apq.Hash) is not { } text)
            {
                // The client's cue to send the query text with the hash.
                return Refuse(new PersistedQueryNotFoundError());
            }

            options.Query = text;
            return await next(options).ConfigureAwait(false);
        }

        if (Sha256Hex.Of(options.Query) != apq.Hash)
        {
            return Refuse(new PersistedQueryHashMismatchError());
        }

        if (_store.Manifest.TryGet(apq.Hash, out _))
        {
            return await next(options).ConfigureAwait(false);
        }

        if (_store.TrustedOnly)
        {
            return Refuse(new PersistedOperationOnlyError());
        }

        var result = await next(options).ConfigureAwait(false);

        // Only a document that parsed and validated is worth keeping: garbage never takes a slot of the bounded store.
        if (result.Executed)
        {
            _store.Register(apq.Hash, options.Query);
        }

        return result;
    }

    private static ExecutionResult Refuse(ExecutionError error) => new() { Errors = [error] };

    /// <summary>GraphQL.NET's handler, with trusted mode's refusal coded like this handler's own.</summary>
    private sealed class TrustedDocumentHandler(PersistedDocumentOptions options) : PersistedDocumentHandler(options)
    {
        protected override ExecutionResult CreateExecutionResult(ExecutionError error) =>
            base.CreateExecutionResult(error is DocumentIdMissingError ? new PersistedOperationOnlyError() : error);
    }
}
