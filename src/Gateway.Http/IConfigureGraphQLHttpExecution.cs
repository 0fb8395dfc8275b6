using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http;

/// <summary>
/// Lets the host contribute to each operation's <see cref="ExecutionOptions"/> before a transport executes it:
/// listeners, a user context, validation rules, DataLoader scopes. The one hook of both transports: HTTP (POST, GET,
/// batch entries, Server-Sent Events) and WebSocket operations, so a host configures execution once. Implementations
/// are resolved from the operation's services (the request's; a WebSocket operation's own scope), so they may be
/// scoped, and run in registration order. Register one with
/// <c>services.ConfigureGraphQLHttpExecution((options, httpContext) =&gt; ...)</c> or as a service of this type.
/// </summary>
/// <remarks>
/// On a WebSocket the <see cref="HttpContext"/> is the upgrade request's, and the hook runs on the socket's receive
/// loop, one operation at a time (the context is not thread-safe); it should not block. An exception there fails
/// only that operation, with an <c>error</c> message.
/// </remarks>
public interface IConfigureGraphQLHttpExecution
{
    /// <summary>Adjusts <paramref name="options"/> for one operation of the request <paramref name="httpContext"/>.</summary>
    void Configure(ExecutionOptions options, HttpContext httpContext);
}
