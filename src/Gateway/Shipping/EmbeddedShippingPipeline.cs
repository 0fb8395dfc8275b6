namespace Gateway.Shipping;

/// <summary>
/// The embedded shipping service's request pipeline, built once by <see cref="EmbeddedShippingExtensions.MapEmbeddedShipping"/>:
/// served at <c>/shipping</c> for outside callers and invoked directly by the gateway's own client (<see cref="InProcessShippingHandler"/>).
/// </summary>
public sealed class EmbeddedShippingPipeline
{
    private RequestDelegate? _pipeline;

    internal void Set(RequestDelegate pipeline) => _pipeline = pipeline;

    /// <summary>Runs the request through the service; 503 while the gateway's pipeline is not built yet.</summary>
    public Task Invoke(HttpContext context)
    {
        if (_pipeline is { } pipeline)
        {
            return pipeline(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
