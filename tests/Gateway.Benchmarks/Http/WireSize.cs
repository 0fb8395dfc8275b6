using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Benchmarks.Http;

/// <summary>
/// Approximate bytes on the wire of an HTTP/1.1 exchange: start line, header lines (name, ": ", values, CRLF), the blank
/// line and the body. Transfer-encoding framing (chunk sizes) and TCP/TLS overhead are not counted.
/// </summary>
internal static class WireSize
{
    public static long Request(HttpRequestMessage request, string host, long bodyLength)
    {
        long size = Encoding.ASCII.GetByteCount($"{request.Method} {request.RequestUri!.PathAndQuery} HTTP/1.1\r\n");
        size += Encoding.ASCII.GetByteCount($"Host: {host}\r\n");
        size += Headers(request.Headers);
        if (request.Content is not null)
        {
            size += Headers(request.Content.Headers);
        }
        return size + 2 + bodyLength;
    }

    public static long Response(HttpResponseMessage response, long bodyLength)
    {
        long size = Encoding.ASCII.GetByteCount($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        size += Headers(response.Headers) + Headers(response.Content.Headers);
        return size + 2 + bodyLength;
    }

    private static long Headers(HttpHeaders headers) =>
        headers.NonValidated.Sum(h => (long)Encoding.ASCII.GetByteCount($"{h.Key}: {string.Join(", ", h.Value)}\r\n"));
}
