namespace Gateway.Auth;

/// <summary>
/// Puts <see cref="RejectInvalidBearerMiddleware"/> in front of everything (HTTP and WebSocket upgrades alike)
/// from the service registration, so Program.cs needs no pipeline line for it.
/// </summary>
internal sealed class RejectInvalidBearerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RejectInvalidBearerMiddleware>();
        next(app);
    };
}
