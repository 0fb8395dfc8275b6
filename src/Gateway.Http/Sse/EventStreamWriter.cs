using System.Text;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Http.Sse;

/// <summary>
/// Writes the graphql-sse event stream: <c>event: next</c> with a result as one <c>data:</c> line, <c>event: complete</c>
/// with an empty <c>data:</c> (so that EventSource fires it), and comment lines as keep-alives. Each event is flushed
/// at once; response buffering is switched off so that no layer holds it back.
/// </summary>
internal sealed class EventStreamWriter(HttpResponse response, IGraphQLSerializer serializer)
{
    private static readonly byte[] NextPrefix = Encoding.UTF8.GetBytes("event: next\ndata: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");
    private static readonly byte[] Complete = Encoding.UTF8.GetBytes("event: complete\ndata: \n\n");
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(":\n\n");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style reverse proxies not to buffer the stream either.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task NextAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        // Compact JSON escapes every line break inside strings, so the payload is a single data line.
        using var json = new MemoryStream();
        await serializer.WriteAsync(json, result, cancellationToken).ConfigureAwait(false);

        await response.Body.WriteAsync(NextPrefix, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(json.GetBuffer().AsMemory(0, (int)json.Length), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => WriteAndFlushAsync(Complete, cancellationToken);

    public Task KeepAliveAsync(CancellationToken cancellationToken) => WriteAndFlushAsync(KeepAlive, cancellationToken);

    private async Task WriteAndFlushAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
