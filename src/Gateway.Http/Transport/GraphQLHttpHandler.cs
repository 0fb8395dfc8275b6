using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Http.Caching;
using Gateway.Http.Errors;
using Gateway.Http.Ide;
using Gateway.Http.Limits;
using Gateway.Http.Persisted;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Transport;

/// <summary>
/// The GraphQL-over-HTTP endpoint (https://graphql.github.io/graphql-over-http/draft/): <c>GET</c> and <c>POST</c>,
/// media-type negotiation, the spec's status codes, batches, <c>?sdl</c> and the IDE. Execution is GraphQL.NET's
/// <see cref="IDocumentExecuter"/>; this class only translates between HTTP and <see cref="ExecutionOptions"/>.
/// </summary>
internal sealed partial class GraphQLHttpHandler
{
    private readonly GraphQLHttpOptions _options;
    private readonly GraphQLSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly BananaCakePopIde _ide;
    private readonly ILogger<GraphQLHttpHandler> _logger;
    private SchemaSdl? _sdl;

    public GraphQLHttpHandler(
        IOptions<GraphQLHttpOptions> options,
        BananaCakePopIde ide,
        ILogger<GraphQLHttpHandler> logger,
        IErrorInfoProvider? errorInfoProvider = null)
    {
        _options = options.Value;
        _ide = ide;
        _logger = logger;
        // The transport writes with a serializer of its own so that unexpected errors are always masked the same way;
        // every other error goes through the host's IErrorInfoProvider (GraphQL.NET's default adds extensions.code).
        _serializer = new GraphQLSerializer(
            // Responses are JSON, never inlined into HTML: non-ASCII text and quotes stay readable UTF-8.
            json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            new TransportErrorInfoProvider(errorInfoProvider ?? new ErrorInfoProvider(), _options.ExposeExceptionDetails));
        _reader = new GraphQLRequestReader(_serializer);
    }

    /// <summary>The endpoint path, relative to the application's path base.</summary>
    public PathString Path => _options.Path;

    /// <summary>Handles a request whose path is the endpoint or below it.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase, out var subPath);
        var endpointPath = (http.Request.PathBase + Path).Value!;
        var isGet = HttpMethods.IsGet(http.Request.Method);

        if (subPath.HasValue && subPath != "/")
        {
            if (!(isGet && _options.EnableIde && await _ide.TryServeFileAsync(http, subPath, endpointPath).ConfigureAwait(false)))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (isGet && _options.EnableSdl != false && http.Request.Query.ContainsKey("sdl"))
        {
            if (_options.EnableSdl is null && IntrospectionOffPage.Applies(http))
            {
                // The SDL is the schema introspection would reveal: where introspection is off, so is this.
                await WriteRequestErrorAsync(http, ResponseMediaType.Json, new RequestException(
                    StatusCodes.Status403Forbidden,
                    "INTROSPECTION_DISABLED",
                    "The schema is not published on this server: introspection is disabled (GraphQL:Introspection:Enabled).")).ConfigureAwait(false);
                return;
            }

            await WriteSdlAsync(http).ConfigureAwait(false);
            return;
        }

        if (isGet && _options.EnableIde && !http.Request.Query.ContainsKey("query") && ResponseMediaTypes.AcceptsHtml(http.Request))
        {
            await (IntrospectionOffPage.Applies(http)
                ? IntrospectionOffPage.WriteAsync(http, endpointPath)
                : _ide.ServeIndexAsync(http, endpointPath)).ConfigureAwait(false);
            return;
        }

        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (!isGet && !isPost)
        {
            await WriteRequestErrorAsync(http, ResponseMediaType.Json, new RequestException(
                StatusCodes.Status405MethodNotAllowed,
                "METHOD_NOT_ALLOWED",
                $"The method {http.Request.Method} is not supported; use GET or POST.")).ConfigureAwait(false);
            return;
        }

        if (AcceptsEventStream(http.Request))
        {
            await HandleEventStreamAsync(http, isGet).ConfigureAwait(false);
            return;
        }

        if (ResponseMediaTypes.Negotiate(http.Request) is not { } mediaType)
        {
            await WriteRequestErrorAsync(http, ResponseMediaType.Json, new RequestException(
                StatusCodes.Status406NotAcceptable,
                "NOT_ACCEPTABLE",
                $"None of the media types in Accept can be produced; accept {ResponseMediaTypes.GraphQLResponseJson} or {ResponseMediaTypes.Json}.")).ConfigureAwait(false);
            return;
        }

        try
        {
            if (isGet)
            {
                var request = _reader.ReadQueryString(http.Request.Query);
                var result = await ExecuteAsync(http, request, overGet: true).ConfigureAwait(false);
                await WriteResultAsync(http, mediaType, result).ConfigureAwait(false);
            }
            else
            {
                await HandlePostAsync(http, mediaType).ConfigureAwait(false);
            }
        }
        catch (RequestException ex)
        {
            await WriteRequestErrorAsync(http, mediaType, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (during execution, or while sending the body); there is no one to answer.
        }
    }

    private async Task HandlePostAsync(HttpContext http, ResponseMediaType mediaType)
    {
        using var body = await _reader.ReadBodyAsync(http.Request, _options.MaxRequestBodySize, http.RequestAborted).ConfigureAwait(false);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            var result = await ExecuteAsync(http, _reader.ReadRequest(root), overGet: false).ConfigureAwait(false);
            await WriteResultAsync(http, mediaType, result).ConfigureAwait(false);
            return;
        }

        var count = root.GetArrayLength();
        if (!_options.EnableBatching)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "BATCHING_DISABLED", "Batched requests are disabled on this server; send one request object.");
        }

        if (count == 0 || count > _options.MaxBatchSize)
        {
            throw new RequestException(
                StatusCodes.Status400BadRequest,
                "BATCH_SIZE_EXCEEDED",
                count == 0
                    ? "The batch is empty; send at least one request."
                    : $"The batch holds {count} operations, more than the limit of {_options.MaxBatchSize}.");
        }

        // One after the other on this request's services: a request-scoped DataLoader cache serves the whole batch.
        ErrorLimit.BeginBatch(http);
        var results = new ExecutionResult[count];
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            try
            {
                results[index] = await ExecuteAsync(http, _reader.ReadRequest(element), overGet: false).ConfigureAwait(false);
            }
            catch (RequestException ex)
            {
                results[index] = ErrorResult(ex.Code, ex.Message);
            }

            index++;
        }

        // The response's error budget is shared by its entries.
        ErrorLimit.Apply(results, http.RequestServices.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value.MaxErrors);

        // A batch is not in the spec; it is answered 200 and each result carries its own errors, unless the rate limit
        // refused every entry (429). Retry-After says when the most delayed of the refused entries may be sent again.
        var rateLimited = results.Select(LimitError.RateLimited).OfType<LimitError>().ToList();
        http.Response.StatusCode = rateLimited.Count == results.Length ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
        SetRetryAfter(http, rateLimited);
        await WriteJsonAsync(http, mediaType, results).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest request, bool overGet)
    {
        var services = http.RequestServices;
        var options = new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = http.User,
            RequestServices = services,
            CancellationToken = http.RequestAborted,
        };

        foreach (var configure in services.GetServices<IConfigureGraphQLHttpExecution>())
        {
            configure.Configure(options, http);
        }

        if (overGet)
        {
            // Also on cached documents: a mutation cached from a POST must still be refused over GET.
            options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, QueriesOnlyOverGetRule.Instance];
            options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], QueriesOnlyOverGetRule.Instance];
        }

        // The host's delegate (if a hook set one) may turn an exception into an ExecutionError meant for the client;
        // whatever is left is logged and masked.
        var hostDelegate = options.UnhandledExceptionDelegate;
        options.UnhandledExceptionDelegate = async context =>
        {
            await hostDelegate(context).ConfigureAwait(false);
            if (context.Exception is not ExecutionError)
            {
                LogUnexpectedException(
                    context.Exception,
                    http.TraceIdentifier,
                    request.OperationName,
                    context.FieldContext?.Path is { } path ? string.Join('.', path) : null);
                context.Exception = new UnexpectedExecutionError(http.TraceIdentifier, context.Exception);
            }
        };

        var executer = services.GetRequiredService<IDocumentExecuter>();
        var result = await executer.ExecuteAsync(options).ConfigureAwait(false);
        http.Features.Set(new GraphQLHttpExecutionFeature(request, result));
        return result;
    }

    private Task WriteResultAsync(HttpContext http, ResponseMediaType mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = StatusCodeOf(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        SetRetryAfter(http, LimitError.RateLimited(result) is { } rateLimited ? [rateLimited] : []);
        return WriteJsonAsync(http, mediaType, result);
    }

    /// <summary><c>Retry-After</c> in whole seconds (at least 1): the longest wait among the rate-limit refusals, if any.</summary>
    private static void SetRetryAfter(HttpContext http, IReadOnlyList<LimitError> rateLimited)
    {
        if (rateLimited.Select(error => error.RetryAfter).Max() is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// GraphQL over HTTP: an operation that executed is 200, with whatever field errors it has. One that failed
    /// before execution (parsing, validation, variable coercion, an unknown operationName) is 400 for
    /// application/graphql-response+json and 200 for the legacy application/json, except a mutation over GET (405)
    /// and an unexpected server error (500).
    /// </summary>
    private static int StatusCodeOf(ExecutionResult result, ResponseMediaType mediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Count == 0)
        {
            // GraphQL-Cost: validate: the cost alone, by design not executed
            return StatusCodes.Status200OK;
        }

        if (LimitError.RateLimited(result) is not null)
        {
            return StatusCodes.Status429TooManyRequests;
        }

        if (errors.Any(error => error is UnexpectedExecutionError))
        {
            return StatusCodes.Status500InternalServerError;
        }

        if (errors.Any(error => error is OperationNotAllowedOverGetError))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        // APQ's cue to send the query text: clients expect it as a GraphQL error of a successful response.
        if (errors.Any(error => error is PersistedQueryNotFoundError))
        {
            return StatusCodes.Status200OK;
        }

        return mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private Task WriteRequestErrorAsync(HttpContext http, ResponseMediaType mediaType, RequestException error)
    {
        http.Response.StatusCode = error.StatusCode;
        if (error.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "GET, POST";
        }

        return WriteJsonAsync(http, mediaType, ErrorResult(error.Code, error.Message));
    }

    private static ExecutionResult ErrorResult(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };

    private Task WriteJsonAsync<T>(HttpContext http, ResponseMediaType mediaType, T value)
    {
        http.Response.ContentType = mediaType.ContentType();
        return _serializer.WriteAsync(http.Response.Body, value, http.RequestAborted);
    }

    private Task WriteSdlAsync(HttpContext http)
    {
        var schema = http.RequestServices.GetRequiredService<ISchema>();
        var cached = _sdl;
        if (cached is null || !ReferenceEquals(cached.Schema, schema))
        {
            _sdl = cached = new SchemaSdl(schema, schema.Print());
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(cached.Sdl);
    }

    private sealed record SchemaSdl(ISchema Schema, string Sdl);

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Error,
        Message = "Unexpected exception executing GraphQL operation {OperationName} at {FieldPath}; the client was told trace id {TraceId}")]
    private partial void LogUnexpectedException(Exception exception, string traceId, string? operationName, string? fieldPath);
}
