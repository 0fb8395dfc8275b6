using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Gateway.WarmUp;

/// <summary>
/// Once the gateway listens, posts each configured operation of the persisted manifest to its own <c>/graphql</c>,
/// <see cref="WarmUpOptions.Iterations"/> times one after another: through the whole pipeline a visitor's request
/// takes (Kestrel, transport, validation, engine, store, serializer). Readiness waits for it
/// (the <c>warm-up</c> check, a <see cref="Diagnostics.WarmUpCompletionHealthCheck"/>). A failing request is logged and the warm-up goes on: it must never keep a
/// replica out of service.
/// </summary>
internal sealed partial class ScreenWarmUp(
    IHostApplicationLifetime lifetime, IServer server, IOptions<WarmUpOptions> options, IConfiguration configuration,
    ILogger<ScreenWarmUp> logger) : IHostedService
{
    /// <summary>A round that compiled at most this many new methods found the JIT settled.</summary>
    private const int SettledAtMost = 50;

    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Enabled => options.Value.Enabled == true && options.Value.Requests.Count > 0;

    /// <summary>Completes once the warm-up ended, whatever its outcome.</summary>
    public Task Done => Enabled ? _done.Task : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(WarmAsync));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            if (OwnAddress.Of(server, "/graphql") is not { } endpoint)
            {
                return; // an in-memory test server: nothing listens
            }

            var documents = ManifestDocuments();
            var requests = new List<(WarmUpRequest Request, string Query)>();
            foreach (var request in options.Value.Requests)
            {
                if (documents.TryGetValue(request.Operation, out var query))
                {
                    requests.Add((request, query));
                }
                else
                {
                    logger.LogWarning("Warm-up: no operation named {Operation} in the persisted operations manifest.", request.Operation);
                }
            }

            // Rounds until the JIT has settled: a replica under load starves the background compiler. Bounded by
            // MaxDuration either way.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var started = Stopwatch.GetTimestamp();
            var rounds = await JitSettling.UntilSettledAsync(async round =>
            {
                foreach (var (request, query) in requests)
                {
                    await RunAsync(http, endpoint, request, query, logDetails: round == 1);
                }
            }, SettledAtMost, SettleDelay, options.Value.MaxDuration, lifetime.ApplicationStopping);

            logger.LogInformation("Warm-up done: {Rounds} rounds in {Elapsed} ms, {Methods} methods compiled by the JIT.",
                rounds, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, JitInfo.GetCompiledMethodCount());
        }
        catch (OperationCanceledException)
        {
            // Stopping already.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Warm-up ended early.");
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task RunAsync(HttpClient http, Uri endpoint, WarmUpRequest request, string query, bool logDetails)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = Variables(request.Variables) };
        var started = Stopwatch.GetTimestamp();
        var failed = 0;
        string? firstFailure = null;
        for (var i = 0; i < options.Value.Iterations; i++)
        {
            // An answer with errors (a remote source still warming up, a product the store does not have) warms up
            // all the same: it is counted and reported, not a reason to stop.
            using var response = await http.PostAsJsonAsync(endpoint, body, lifetime.ApplicationStopping);
            var answer = await response.Content.ReadAsStringAsync(lifetime.ApplicationStopping);
            if (!response.IsSuccessStatusCode || answer.Contains("\"errors\"", StringComparison.Ordinal))
            {
                failed++;
                firstFailure ??= $"{(int)response.StatusCode} {Truncate(answer)}";
            }
        }

        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!logDetails)
        {
            return;
        }

        if (failed == 0)
        {
            logger.LogInformation("Warm-up: {Operation} ran {Count} times in {Elapsed} ms.", request.Operation, options.Value.Iterations, elapsed);
        }
        else
        {
            logger.LogWarning("Warm-up: {Operation} ran {Count} times in {Elapsed} ms; {Failed} answered errors, the first: {Answer}",
                request.Operation, options.Value.Iterations, elapsed, failed, firstFailure);
        }
    }

    /// <summary>The manifest's documents by the name of the operation each declares.</summary>
    private Dictionary<string, string> ManifestDocuments()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configuration["GraphQL:PersistedOperations:ManifestPath"] is not { Length: > 0 } path)
        {
            return byName;
        }

        var file = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [];
        foreach (var text in manifest.Values)
        {
            foreach (Match match in OperationName().Matches(text))
            {
                byName[match.Groups[1].Value] = text;
            }
        }

        return byName;
    }

    /// <summary>Configuration values are text: numbers and booleans become JSON numbers and booleans.</summary>
    private static JsonObject Variables(Dictionary<string, string> values)
    {
        var variables = new JsonObject();
        foreach (var (name, text) in values)
        {
            variables[name] = text switch
            {
                "true" => true,
                "false" => false,
                _ when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
                _ => text,
            };
        }

        return variables;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex OperationName();
}
