using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// What a browser gets at the endpoint when introspection is off: the IDE cannot load a schema without it and would
/// only show "Schema unavailable", so the server says why, and how to turn it on, in a page of its own.
/// </summary>
internal static class IntrospectionOffPage
{
    public static bool Applies(HttpContext http) =>
        http.RequestServices.GetService<IOptions<GraphQLIntrospectionOptions>>()?.Value.Enabled == false;

    public static Task WriteAsync(HttpContext http, string endpointPath)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        var endpoint = WebUtility.HtmlEncode(endpointPath);
        return http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>GraphQL endpoint</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
            <h1>Introspection is disabled on this server</h1>
            <p>The GraphQL IDE needs introspection to load the schema, and introspection is off outside the Development
            environment. Set <code>GraphQL:Introspection:Enabled</code> to <code>true</code> (environment variable
            <code>GraphQL__Introspection__Enabled=true</code>) to allow it.</p>
            <p>The endpoint itself answers at <code>{endpoint}</code> (POST or GET, GraphQL over HTTP).</p>
            </body></html>
            """);
    }
}
