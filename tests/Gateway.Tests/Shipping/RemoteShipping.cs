using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Shipping;

/// <summary>What the remote does to the calls it receives.</summary>
public enum ShippingFault
{
    None,
    Slow,
    ServerError,
    Garbage,
    ChangedSchema,

    /// <summary>Each call waits until <see cref="RemoteShipping.Release"/>.</summary>
    Held,
}

/// <summary>
/// The real shipping service on Kestrel at a loopback port, behind a switch that injects faults, counting the
/// GraphQL operations it receives (the gateway's calls, counted on the remote side).
/// </summary>
public sealed class RemoteShipping : IAsyncDisposable
{
    private LoopbackShippingService? _service;
    private int _calls;

    public volatile ShippingFault Fault;

    /// <summary>Fault while it serves its SDL (the gateway's start-up check).</summary>
    public volatile bool ChangedSdl;

    public int Calls => Volatile.Read(ref _calls);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the calls held by <see cref="ShippingFault.Held"/> through, and every later one.</summary>
    public void Release() => _release.TrySetResult();

    public string Url => _service!.GraphQLUrl;

    public static async Task<RemoteShipping> StartAsync()
    {
        var remote = new RemoteShipping();
        remote._service = await LoopbackShippingService.StartAsync(app => app.Use(remote.InjectAsync));
        await remote.WarmUpAsync();
        return remote;
    }

    /// <summary>
    /// Answers a few estimates before any test calls it, then forgets them. The tests hold the gateway to the production
    /// timeouts (350 ms an attempt) against a running service; a service's first answers, compiled on the spot, can take
    /// longer than that on a busy machine, and a test would then fail for what no deployment sees.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsJsonAsync(Url,
                new { query = "{ estimates(country: \"DE\", items: [{ weightGrams: 1, warehouses: [\"1\"] }]) { days } }" });
            response.EnsureSuccessStatusCode();
        }

        Interlocked.Exchange(ref _calls, 0);
    }

    private async Task InjectAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Method == "GET" && context.Request.Query.ContainsKey("sdl") && ChangedSdl)
        {
            // The service renamed a field the gateway selects.
            var schema = context.RequestServices.GetRequiredService<GraphQL.Types.ISchema>();
            schema.Initialize();
            var sdl = GraphQL.SchemaExtensions.Print(schema).Replace("  days: Int!", "  durationDays: Int!");
            await context.Response.WriteAsync(sdl);
            return;
        }

        if (context.Request.Method != "POST")
        {
            await next(context);
            return;
        }

        Interlocked.Increment(ref _calls);
        switch (Fault)
        {
            case ShippingFault.Slow:
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { });
                break;
            case ShippingFault.Held:
                await _release.Task.WaitAsync(context.RequestAborted);
                break;
            case ShippingFault.ServerError:
                context.Response.StatusCode = 500;
                return;
            case ShippingFault.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"data\": {\"e0\": [{\"days\": \"soon\"");
                return;
            case ShippingFault.ChangedSchema:
                // What GraphQL.NET answers when a selected field no longer exists: errors, no data.
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"errors":[{"message":"Cannot query field 'days' on type 'DeliveryEstimate'.","extensions":{"code":"FIELDS_ON_CORRECT_TYPE"}}]}""");
                return;
        }

        await next(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
