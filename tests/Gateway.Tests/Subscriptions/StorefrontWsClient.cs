using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Messaging;
using Gateway.Tests.Transport;

namespace Gateway.Tests.Subscriptions;

/// <summary>
/// Runs tests/tools/storefront-ws.mjs (the reference graphql-ws client) against the Kestrel gateway, and waits on the
/// gateway's event bus, since the protocol has no "subscribed" message to tell when an event would be seen.
/// </summary>
internal static class StorefrontWsClient
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);

    public static Uri WebSocketUrl(this KestrelGatewayFactory gateway) =>
        new UriBuilder(gateway.GraphQLEndpoint) { Scheme = "ws" }.Uri;

    /// <summary>
    /// Subscribes with <paramref name="documentFile"/> until <paramref name="expected"/> results arrived (null: until
    /// the server ends the operation) or the server ends it first. It never waits for results that should not come:
    /// to show that nothing else arrives, publish a sentinel event last and expect it as the last result.
    /// <paramref name="closeWithoutComplete"/> drops the socket instead of completing the subscription first.
    /// </summary>
    public static Task<JsonObject> SubscribeAsync(
        KestrelGatewayFactory gateway, string documentFile, object variables, int? expected,
        object? connectionParams = null, bool closeWithoutComplete = false) =>
        SubscribeAsync(gateway.WebSocketUrl(), documentFile, variables, expected, connectionParams, closeWithoutComplete);

    /// <summary>The same against the GraphQL WebSocket endpoint at <paramref name="webSocketUrl"/> (a gateway process's).</summary>
    public static async Task<JsonObject> SubscribeAsync(
        Uri webSocketUrl, string documentFile, object variables, int? expected,
        object? connectionParams = null, bool closeWithoutComplete = false)
    {
        string[] arguments =
        [
            "subscribe", webSocketUrl.ToString(), documentFile, JsonSerializer.Serialize(variables),
            expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "end",
            connectionParams is null ? "null" : JsonSerializer.Serialize(connectionParams),
            closeWithoutComplete ? "close" : "complete",
        ];
        return await RunAsync(arguments);
    }

    /// <summary>Sends <paramref name="rawMessage"/> on an acknowledged connection and reports how the server closed it.</summary>
    public static Task<JsonObject> SendMalformedAsync(KestrelGatewayFactory gateway, string rawMessage) =>
        RunAsync(["malformed", gateway.WebSocketUrl().ToString(), rawMessage]);

    /// <summary>Waits (bounded) until <paramref name="topic"/> has exactly <paramref name="count"/> subscribers; false on timeout.</summary>
    public static async Task<bool> WaitForSubscribersAsync(this InMemoryTopicEventBus bus, string topic, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (bus.SubscriberCount(topic) != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Writes an operation to a temporary file for the script to read.</summary>
    public static string DocumentFile(string document)
    {
        var path = Path.Combine(Path.GetTempPath(), $"storefront-ws-{Guid.NewGuid():N}.graphql");
        File.WriteAllText(path, document);
        return path;
    }

    private static async Task<JsonObject> RunAsync(string[] arguments)
    {
        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync("storefront-ws.mjs", arguments, ProcessTimeout);
        Assert.True(exitCode == 0, $"storefront-ws.mjs {arguments[0]} exited with {exitCode}: {stdOut} {stdErr}");
        return JsonNode.Parse(stdOut)!.AsObject();
    }
}
