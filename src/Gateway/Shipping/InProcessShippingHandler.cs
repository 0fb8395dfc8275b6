using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Shipping;

/// <summary>
/// The client's last hop to the embedded shipping service: the request goes straight into the service's pipeline in
/// this process instead of over a loopback socket. Everything before it is a remote's path (the resilience pipeline,
/// its timeouts and retry, the JSON sent and read, the status codes), so both modes still run the same client code;
/// what goes is the socket, Kestrel's parsing and HTTP/1.1 framing both ways, about a tenth of a product page's CPU
/// under load (docs/performance.md, change 15).
/// </summary>
internal sealed class InProcessShippingHandler(EmbeddedShippingPipeline pipeline, ILogger<InProcessShippingHandler> logger) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var path = uri.AbsolutePath;
        var requestFeature = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Method = request.Method.Method,
            Scheme = uri.Scheme,
            // The service answers under its base path, as when it is mapped there for outside callers.
            PathBase = ShippingOptions.EmbeddedPath,
            Path = path.StartsWith(ShippingOptions.EmbeddedPath + "/", StringComparison.Ordinal) ? path[ShippingOptions.EmbeddedPath.Length..] : path,
            QueryString = uri.Query,
            Body = request.Content is null ? Stream.Null : await request.Content.ReadAsStreamAsync(cancellationToken),
        };
        foreach (var (name, values) in request.Headers)
        {
            requestFeature.Headers.Append(name, values.ToArray());
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                requestFeature.Headers.Append(name, values.ToArray());
            }
        }

        requestFeature.Headers.Host = uri.Authority;
        var body = new MemoryStream();
        var responseFeature = new HttpResponseFeature();
        var bodyFeature = new StreamResponseBodyFeature(body);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(requestFeature);
        features.Set<IHttpResponseFeature>(responseFeature);
        features.Set<IHttpResponseBodyFeature>(bodyFeature);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        var context = new DefaultHttpContext(features);

        try
        {
            await pipeline.Invoke(context);
            await bodyFeature.CompleteAsync();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Logged and answered as Kestrel would an exception that escaped the application: the client classifies it alike.
            logger.LogError(exception, "The embedded shipping service failed on {Method} {Path}.", request.Method, path);
            return new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError) { RequestMessage = request, Content = new ByteArrayContent([]) };
        }

        body.Position = 0;
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)context.Response.StatusCode)
        {
            RequestMessage = request,
            Content = new StreamContent(body),
        };
        foreach (var (name, values) in context.Response.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                response.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return response;
    }
}
