using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Transport;

/// <summary>
/// Turns the HTTP request into GraphQL requests: the URL parameters of a GET, or the JSON body of a POST (one
/// request object, or an array of them for a batch). Everything that makes a request not well-formed is a
/// <see cref="RequestException"/> here, so that no malformed input reaches the executer or becomes a 500.
/// </summary>
internal sealed class GraphQLRequestReader(GraphQLSerializer serializer)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public GraphQLHttpRequest ReadQueryString(IQueryCollection query)
    {
        return Complete(new GraphQLHttpRequest(
            Single(query, "query"),
            Single(query, "operationName"),
            JsonMap(query, "variables"),
            JsonMap(query, "extensions"),
            Single(query, "documentId") ?? Single(query, "id")));
    }

    /// <summary>Reads a POST body: the JSON document whose root is one request object or a batch array.</summary>
    public async Task<JsonDocument> ReadBodyAsync(HttpRequest request, long maxSize, CancellationToken cancellationToken)
    {
        EnsureJsonContentType(request.ContentType);

        if (request.ContentLength > maxSize)
        {
            throw TooLarge(maxSize);
        }

        // Kestrel enforces its own limit (30 MB by default) while we read; make it ours when ours is larger.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && limit.MaxRequestBodySize < maxSize)
        {
            limit.MaxRequestBodySize = maxSize;
        }

        var body = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and <= 1 << 20 ? (int)request.ContentLength : 4096);
        try
        {
            while (true)
            {
                var memory = body.GetMemory(8192);
                var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                body.Advance(read);
                if (body.WrittenCount > maxSize)
                {
                    throw TooLarge(maxSize);
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdicts on the body: over its size limit, or malformed (e.g. bad chunked encoding).
            throw ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxSize)
                : new RequestException(ex.StatusCode, "INVALID_REQUEST", $"The request body could not be read: {ex.Message}");
        }

        var json = body.WrittenMemory;
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.IsEmpty)
        {
            throw RequestException.Invalid("The request body is empty; a POST must carry a JSON GraphQL request.");
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Reads one request object of a POST body, checking each parameter's JSON type.</summary>
    public GraphQLHttpRequest ReadRequest(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RequestException.Invalid($"A GraphQL request must be a JSON object, not {Describe(element.ValueKind)}.");
        }

        RequestObjectCheck.Validate(element);
        string? query = null;
        string? operationName = null;
        string? documentId = null;
        string? id = null;
        Inputs? variables = null;
        Inputs? extensions = null;
        foreach (var property in element.EnumerateObject())
        {
            try
            {
                switch (property.Name)
                {
                    case "query":
                        query = String(property);
                        break;
                    case "operationName":
                        operationName = String(property);
                        break;
                    case "variables":
                        variables = Map(property);
                        break;
                    case "extensions":
                        extensions = Map(property);
                        break;
                    case "documentId":
                        documentId = String(property);
                        break;
                    case "id":
                        id = String(property);
                        break;
                }
            }
            catch (Exception ex) when (RequestObjectCheck.IsMalformedValue(ex))
            {
                throw RequestObjectCheck.MalformedValue(property.Name);
            }
        }

        return Complete(new GraphQLHttpRequest(query, operationName, variables, extensions, documentId ?? id));
    }

    /// <summary>
    /// A request needs its document: the query text, or a persisted document's id (<c>documentId</c>, or <c>id</c> as
    /// Relay and Hot Chocolate send it), or an APQ hash in <c>extensions.persistedQuery</c>, which the persisted
    /// operations step resolves.
    /// </summary>
    private static GraphQLHttpRequest Complete(GraphQLHttpRequest request) =>
        request.Query is not null || request.DocumentId is not null || request.Extensions?.ContainsKey("persistedQuery") == true
            ? request
            : throw RequestException.Invalid("The 'query' parameter is required.");

    private static void EnsureJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            throw UnsupportedMediaType("The request has no Content-Type; send the GraphQL request as application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw UnsupportedMediaType($"The Content-Type '{contentType}' is not supported; send the GraphQL request as application/json.");
        }

        var charset = mediaType.Charset;
        if (charset.HasValue && !IsUtf8(charset.Value))
        {
            throw UnsupportedMediaType($"The charset '{charset}' is not supported; the request must be UTF-8.");
        }
    }

    internal static bool IsUtf8(string? charset) =>
        charset is not null
        && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static string? String(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => property.Value.GetString(),
        JsonValueKind.Null => null,
        var kind => throw RequestException.Invalid($"The '{property.Name}' parameter must be a string, not {Describe(kind)}."),
    };

    private Inputs? Map(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.Object => serializer.ReadNode<Inputs>(property.Value),
        JsonValueKind.Null => null,
        var kind => throw RequestException.Invalid($"The '{property.Name}' parameter must be a JSON object (a map), not {Describe(kind)}."),
    };

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw RequestException.Invalid($"The '{name}' URL parameter is given {values.Count} times; give it once."),
        };
    }

    private Inputs? JsonMap(IQueryCollection query, string name)
    {
        var text = Single(query, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw RequestException.Invalid($"The '{name}' URL parameter must be a JSON object: {ex.Message}");
        }

        using (document)
        {
            try
            {
                return document.RootElement.ValueKind switch
                {
                    JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement),
                    JsonValueKind.Null => null,
                    var kind => throw RequestException.Invalid($"The '{name}' URL parameter must be a JSON object (a map), not {Describe(kind)}."),
                };
            }
            catch (Exception ex) when (RequestObjectCheck.IsMalformedValue(ex))
            {
                throw RequestObjectCheck.MalformedValue(name);
            }
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    private static RequestException TooLarge(long maxSize) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than the limit of {maxSize} bytes.");

    private static RequestException UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", message);
}
