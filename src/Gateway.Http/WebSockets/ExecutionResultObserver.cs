using GraphQL;

namespace Gateway.Http.WebSockets;

/// <summary>Forwards a subscription's result stream to its operation.</summary>
internal sealed class ExecutionResultObserver(WebSocketOperation operation) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => operation.OnStreamNext(value);

    public void OnError(Exception error) => operation.OnStreamError(error);

    public void OnCompleted() => operation.OnStreamCompleted();
}
