using System.Globalization;
using Gateway.EntityFramework.Diagnostics;

namespace Gateway.Diagnostics;

/// <summary>
/// Reports the SQL statements (database commands) each HTTP request executes in the <c>X-Sql-Statements</c> response
/// header. Off unless <c>Diagnostics:CountSqlStatements</c> is true: the chattiness benchmark turns it on to compare
/// REST flows with GraphQL screens.
/// </summary>
/// <remarks>
/// The count is the engine's <see cref="SqlStatementCounter"/>, fed by the interceptor every store context carries:
/// the request opens a scope that flows with its execution context, so commands run by any context of the request
/// (resolvers in parallel, DataLoader batches, REST handlers) are counted, and nothing else.
/// </remarks>
public static class SqlStatementCounting
{
    public const string ConfigurationKey = "Diagnostics:CountSqlStatements";
    public const string HeaderName = "X-Sql-Statements";

    /// <summary>Adds the middleware that counts each request's statements into <see cref="HeaderName"/>.</summary>
    public static IApplicationBuilder UseSqlStatementCounting(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using var scope = SqlStatementCounter.BeginScope();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = scope.Counter.Count.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
}
