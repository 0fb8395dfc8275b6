using System.Threading.Channels;
using Gateway.Http.Sse;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Transport;

/// <summary>
/// GraphQL over Server-Sent Events, graphql-sse's "distinct connections" mode: a request that accepts
/// <c>text/event-stream</c> gets its operation's results as <c>next</c> events and a final <c>complete</c>, one request
/// per operation. The operation runs through the same <see cref="ExecuteAsync"/> as a JSON request (the caller's
/// bearer token, the host's hooks, persisted operations, error masking, every limit); a subscription then streams
/// until its source completes or the client disconnects.
/// </summary>
internal sealed partial class GraphQLHttpHandler
{
    private const string EventStreamMediaType = "text/event-stream";

    private static bool AcceptsEventStream(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var values)
        && values.Any(value => value.MediaType.Equals(EventStreamMediaType, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0);

    private async Task HandleEventStreamAsync(HttpContext http, bool isGet)
    {
        GraphQLHttpRequest request;
        try
        {
            request = isGet ? _reader.ReadQueryString(http.Request.Query) : await ReadSingleRequestAsync(http).ConfigureAwait(false);
        }
        catch (RequestException ex)
        {
            // A request that is not well-formed is refused as GraphQL over HTTP says, before any stream starts.
            await WriteRequestErrorAsync(http, ResponseMediaType.Json, ex).ConfigureAwait(false);
            return;
        }

        var options = http.RequestServices.GetService<IOptions<GraphQLSseOptions>>()?.Value ?? new GraphQLSseOptions();
        var aborted = http.RequestAborted;
        // A server going down ends its streams with 'complete', as a WebSocket gets 1001: the client reconnects elsewhere.
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var events = new EventStreamWriter(http.Response, _serializer);
        try
        {
            await events.StartAsync(aborted).ConfigureAwait(false);

            // Errors before execution are a 'next' event too: the protocol keeps them inside the accepted stream.
            var result = await ExecuteAsync(http, request, overGet: isGet).ConfigureAwait(false);
            if (result.Streams is { Count: > 0 } streams)
            {
                // A subscription selects exactly one root field (validation enforces it).
                if (!await StreamAsync(events, streams.Values.First(), options, stopping, aborted).ConfigureAwait(false))
                {
                    return;
                }
            }
            else
            {
                await events.NextAsync(result, aborted).ConfigureAwait(false);
            }

            await events.CompleteAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            // The client closed the stream: for a subscription that is how it unsubscribes.
        }
    }

    private async Task<GraphQLHttpRequest> ReadSingleRequestAsync(HttpContext http)
    {
        using var body = await _reader.ReadBodyAsync(http.Request, _options.MaxRequestBodySize, http.RequestAborted).ConfigureAwait(false);
        if (body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            throw RequestException.Invalid("A batch cannot be streamed as Server-Sent Events; send one request per stream.");
        }

        return _reader.ReadRequest(body.RootElement);
    }

    /// <summary>
    /// Writes each event of <paramref name="stream"/> as it comes, and a comment line whenever the stream has been quiet
    /// for the keep-alive interval. Events arrive on the publisher's thread; a bounded queue hands them to this loop, the
    /// only writer of the response.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when the source completed or the server is stopping; <see langword="false"/> when the client
    /// fell too far behind.
    /// </returns>
    private async Task<bool> StreamAsync(EventStreamWriter events, IObservable<ExecutionResult> stream, GraphQLSseOptions options,
        CancellationToken stopping, CancellationToken aborted)
    {
        var queue = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(options.MaxPendingEvents) { SingleReader = true });
        using var subscription = stream.Subscribe(new QueueObserver(queue.Writer, options.MaxPendingEvents));
        while (true)
        {
            bool more;
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping))
            {
                quiet.CancelAfter(options.KeepAliveInterval);
                try
                {
                    more = await queue.Reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
                {
                    return true;
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await events.KeepAliveAsync(aborted).ConfigureAwait(false);
                    continue;
                }
                catch (ClientTooSlowException ex)
                {
                    LogEventStreamClientTooSlow(ex.Limit);
                    return false;
                }
            }

            if (!more)
            {
                return true;
            }

            while (queue.Reader.TryRead(out var result))
            {
                await events.NextAsync(result, aborted).ConfigureAwait(false);
            }
        }
    }

    private sealed class ClientTooSlowException(int limit) : Exception
    {
        public int Limit { get; } = limit;
    }

    /// <summary>Queues a subscription's results; a full queue ends the stream instead of growing.</summary>
    private sealed class QueueObserver(ChannelWriter<ExecutionResult> queue, int limit) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!queue.TryWrite(value))
            {
                queue.TryComplete(new ClientTooSlowException(limit));
            }
        }

        public void OnError(Exception error)
        {
            queue.TryWrite(new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The event stream failed")] });
            queue.TryComplete();
        }

        public void OnCompleted() => queue.TryComplete();
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A GraphQL event stream client fell {Limit} events behind; ending its stream.")]
    private partial void LogEventStreamClientTooSlow(int limit);
}
