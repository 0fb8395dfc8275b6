using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Safety;

/// <summary>
/// One abusive or malformed request of the hostile suite: how to build it, and, for GraphQL documents, the error
/// code the gateway must answer with (over HTTP and WebSocket alike). Null means any 4xx or coded error will do.
/// </summary>
public sealed record HostileRequest(
    string Name, Func<HttpRequestMessage> Build, string? ExpectedCode = null, string? Query = null, object? Variables = null, string? OperationName = null)
{
    public override string ToString() => Name;

    /// <summary>A GraphQL request posted as JSON.</summary>
    public static HostileRequest Post(string name, string query, string? code = null, object? variables = null, string? operationName = null, IDictionary<string, string>? headers = null) =>
        new(name, () =>
        {
            var request = Json(JsonSerializer.Serialize(new { query, variables, operationName }));
            foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            return request;
        }, code, query, variables, operationName);

    /// <summary>A POST whose body is exactly <paramref name="body"/> (UTF-8 encoded).</summary>
    public static HostileRequest Body(string name, string body, string? code = null, string contentType = "application/json") =>
        new(name, () => Json(body, contentType), code);

    /// <summary>A POST whose body is exactly <paramref name="bytes"/>, e.g. invalid UTF-8.</summary>
    public static HostileRequest Bytes(string name, byte[] bytes, string? code = null) =>
        new(name, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Accepting(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content });
        }, code);

    public static HostileRequest Get(string name, string pathAndQuery, string? code = null) =>
        new(name, () => Accepting(new HttpRequestMessage(HttpMethod.Get, pathAndQuery)), code);

    public static HttpRequestMessage Json(string body, string contentType = "application/json") =>
        Accepting(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", contentType } } },
        });

    public static HttpRequestMessage Accepting(HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }
}
