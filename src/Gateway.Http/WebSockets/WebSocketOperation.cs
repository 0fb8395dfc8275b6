using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.WebSockets;

/// <summary>
/// One operation started by a <c>subscribe</c> message: a query or mutation (one <c>next</c>, then
/// <c>complete</c>) or a subscription (a <c>next</c> per event until either side completes).
/// </summary>
/// <remarks>
/// Each operation gets its own DI scope, never the socket's <c>HttpContext.RequestServices</c>:
/// a socket lives for hours and runs operations concurrently, so sharing one scope would share
/// one scoped DbContext across threads and keep it alive as long as the socket. The scope lives
/// as long as the operation, because GraphQL.NET's default subscription strategy resolves each
/// event's fields with the <c>RequestServices</c> of the initial execution; hosts that want a
/// fresh scope per event (a DbContext per event rather than per subscription) call
/// <c>AddScopedSubscriptionExecutionStrategy()</c> on the GraphQL builder. Resolvers built on an
/// <c>IDbContextFactory</c> create and dispose their own context per call and hold nothing here.
/// </remarks>
internal sealed partial class WebSocketOperation
{
    private readonly GraphQLWebSocketConnection _connection;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly AsyncServiceScope _scope;
    private ExecutionOptions? _executionOptions;
    private IDisposable? _subscription;
    private int _stopped;
    private int _runFinished;
    private int _scopeDisposed;

    public WebSocketOperation(string id, GraphQLWebSocketConnection connection)
    {
        Id = id;
        _connection = connection;
        _scope = connection.ScopeFactory.CreateAsyncScope();
    }

    public string Id { get; }

    public bool IsStopped => Volatile.Read(ref _stopped) == 1;

    public async Task RunAsync()
    {
        var streaming = false;
        try
        {
            streaming = await ExecuteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Completed by the client or the socket closed: nothing more may be sent for this id.
        }
        catch (Exception exception)
        {
            LogOperationFailed(_connection.Logger, exception, Id);
            if (!IsStopped)
            {
                _connection.Send(ServerMessages.Error(Id, "Internal server error"));
            }
        }
        finally
        {
            Interlocked.Exchange(ref _runFinished, 1);
            if (!streaming)
            {
                _connection.Forget(this);
                await DisposeScopeAsync().ConfigureAwait(false);
            }
            else if (IsStopped)
            {
                await DisposeScopeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops the operation without sending anything; safe to call more than once and from any thread.</summary>
    public async ValueTask StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _cancellation.Cancel();
        Interlocked.Exchange(ref _subscription, null)?.Dispose();

        // While RunAsync is still executing it owns the scope and releases it when it ends.
        if (Volatile.Read(ref _runFinished) == 1)
        {
            await DisposeScopeAsync().ConfigureAwait(false);
        }
    }

    internal void OnStreamNext(ExecutionResult result)
    {
        if (!IsStopped)
        {
            _connection.Send(ServerMessages.Next(Id, result));
        }
    }

    internal void OnStreamError(Exception exception)
    {
        if (IsStopped)
        {
            return;
        }

        LogStreamFailed(_connection.Logger, exception, Id);
        var error = exception as ExecutionError ?? new ExecutionError("The event stream failed");
        _connection.Forget(this);
        _connection.Send(ServerMessages.Error(Id, [error]));
        Finish();
    }

    internal void OnStreamCompleted()
    {
        if (IsStopped)
        {
            return;
        }

        _connection.Forget(this);
        _connection.Send(ServerMessages.Complete(Id));
        Finish();
    }

    /// <summary>
    /// Builds the execution options. Runs on the connection's receive loop, not in parallel with
    /// other operations, because the host hook reads the <c>HttpContext</c>, which is not thread-safe.
    /// </summary>
    public void Prepare(GraphQLRequest request)
    {
        var services = _scope.ServiceProvider;
        var options = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = _connection.User,
            RequestServices = services,
            CancellationToken = _cancellation.Token,
            Schema = services.GetRequiredService<ISchema>(),
        };
        foreach (var configure in services.GetServices<IConfigureGraphQLHttpExecution>())
        {
            configure.Configure(options, _connection.HttpContext);
        }
        _executionOptions = options;
    }

    /// <summary>Releases an operation that was prepared but never run.</summary>
    public ValueTask AbandonAsync() => DisposeScopeAsync();

    /// <returns><see langword="true"/> when a subscription stream now runs and owns the scope.</returns>
    private async Task<bool> ExecuteAsync()
    {
        var options = _executionOptions ?? throw new InvalidOperationException("Prepare must run before RunAsync.");
        var services = _scope.ServiceProvider;
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options).ConfigureAwait(false);
        if (IsStopped)
        {
            return false;
        }

        if (result.Streams is { Count: > 0 } streams)
        {
            // A subscription operation selects exactly one root field (validation enforces it).
            var stream = streams.Values.First();
            var subscription = stream.Subscribe(new ExecutionResultObserver(this));
            Interlocked.Exchange(ref _subscription, subscription);
            if (IsStopped)
            {
                Interlocked.Exchange(ref _subscription, null)?.Dispose();
            }

            return true;
        }

        // Errors raised before execution (syntax, validation, variables) get an 'error' message,
        // which ends the operation without 'complete'; anything executed is a result.
        // The id is forgotten before the final message goes out: a client may reuse it as soon as it reads that.
        if (!result.Executed && result.Errors is { Count: > 0 } errors)
        {
            _connection.Forget(this);
            _connection.Send(ServerMessages.Error(Id, errors));
            return false;
        }

        _connection.Send(ServerMessages.Next(Id, result));
        _connection.Forget(this);
        _connection.Send(ServerMessages.Complete(Id));
        return false;
    }

    private void Finish()
    {
        _connection.Forget(this);
        _ = StopAsync().AsTask();
    }

    private async ValueTask DisposeScopeAsync()
    {
        if (Interlocked.Exchange(ref _scopeDisposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Runs on fire-and-forget paths, where an escaping exception would go unobserved.
            LogScopeDisposalFailed(_connection.Logger, exception, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation '{Id}' failed unexpectedly.")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Disposing the service scope of GraphQL WebSocket operation '{Id}' failed.")]
    private static partial void LogScopeDisposalFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event stream of GraphQL WebSocket operation '{Id}' failed.")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, string id);
}
