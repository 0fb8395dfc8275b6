using Gateway.Testing;
using TempManifest = Gateway.Http.Tests.Support.TempManifest;
using Gateway.Http.Tests.WebSockets.Infrastructure;

namespace Gateway.Http.Tests.Persisted;

/// <summary>Persisted operations over the WebSocket transport: the same executer step serves both transports.</summary>
public sealed class PersistedOperationWebSocketTests : IDisposable
{
    private const string OnPost = "subscription OnPost { onPost { text } }";
    private readonly TempManifest _manifest = new(OnPost);

    public void Dispose() => _manifest.Dispose();

    private static string Hash(string text) => TempManifest.Hash(text);

    [Fact]
    public async Task A_subscription_runs_by_documentId_and_trusted_mode_refuses_other_documents()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token, services: services =>
            services.AddGraphQLPersistedOperations(options =>
            {
                options.ManifestPath = _manifest.Path;
                options.OnlyAllowPersisted = true;
            }));
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SendAsync(new { id = "ad-hoc", type = "subscribe", payload = new { query = "subscription { onPost { id } }" } }, cts.Token);
        var refused = await client.ReceiveMessageAsync(cts.Token);
        await client.SendAsync(new { id = "feed", type = "subscribe", payload = new { documentId = "sha256:" + Hash(OnPost) } }, cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));
        await server.Bus.PublishAsync(TestSchema.PostsTopic, new Post(1, "persisted", null), cts.Token);
        var next = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("PERSISTED_OPERATION_ONLY", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("feed", next.GetProperty("id").GetString());
        Assert.Equal("persisted", next.GetProperty("payload").GetProperty("data").GetProperty("onPost").GetProperty("text").GetString());
    }
}
