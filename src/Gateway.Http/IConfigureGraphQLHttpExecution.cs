using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http;

/// <summary>
/// Lets the host contribute to each operation's <see cref="ExecutionOptions"/> before the transport executes it:
/// listeners, a user context, validation rules, DataLoader scopes. Implementations are resolved from the request
/// services, so they may be scoped, and run in registration order. Register one with
/// <c>services.ConfigureGraphQLHttpExecution((options, httpContext) =&gt; ...)</c> or as a service of this type.
/// </summary>
public interface IConfigureGraphQLHttpExecution
{
    /// <summary>Adjusts <paramref name="options"/> for one operation of the request <paramref name="httpContext"/>.</summary>
    void Configure(ExecutionOptions options, HttpContext httpContext);
}
