using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Http.Tests.Sse;

/// <summary>
/// One Server-Sent Events response, read event by event (comment lines counted as keep-alives). Gateway.Tests compiles
/// this same file (linked in its project).
/// </summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public int KeepAlives { get; private set; }

    public static async Task<EventStreamClient> OpenAsync(
        HttpClient client, object body, string? user = null, string? acceptEncoding = null, string? bearerToken = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (user is not null)
        {
            request.Headers.Add("X-User", user);
        }

        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.Add("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new EventStreamClient(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The next event (name and parsed data), or <see langword="null"/> when the stream ended.</summary>
    public async Task<(string Event, JsonNode? Data)?> ReadEventAsync(CancellationToken cancellationToken = default)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is null && data.Length == 0)
                {
                    continue;
                }

                var text = data.ToString().Trim();
                return (name ?? "message", text.Length == 0 ? null : JsonNode.Parse(text));
            }

            if (line.StartsWith(':'))
            {
                KeepAlives++;
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..]);
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
