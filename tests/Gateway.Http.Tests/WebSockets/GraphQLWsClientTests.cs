using Gateway.Testing;
using System.Text.Json;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Http.WebSockets;

namespace Gateway.Http.Tests.WebSockets;

/// <summary>Interoperability with the reference client, graphql-ws 6 on node (tests/tools/ws-client.mjs).</summary>
public sealed class GraphQLWsClientTests
{
    private static readonly TimeSpan s_nodeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_graphql_ws_client_queries_subscribes_receives_a_mutation_event_and_completes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);

        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync("ws-client.mjs", ["flow", server.WebSocketUri.ToString(), "alice"], s_nodeTimeout);

        Assert.True(exitCode == 0, $"ws-client.mjs exited with {exitCode}: {stdErr}");
        using var output = JsonDocument.Parse(stdOut);
        var root = output.RootElement;
        Assert.Equal("""{"hello":"world","me":"alice"}""", root.GetProperty("hello").GetProperty("data").GetRawText());
        Assert.Equal("alice", root.GetProperty("mutation").GetProperty("data").GetProperty("post").GetProperty("author").GetString());
        var post = root.GetProperty("event").GetProperty("data").GetProperty("onPost");
        Assert.StartsWith("hello ", post.GetProperty("text").GetString());
        Assert.Equal("alice", post.GetProperty("seenBy").GetString());
        Assert.Equal(0, root.GetProperty("postSubscribers").GetInt32());
        Assert.True(await Eventually.TrueAsync(() => server.Bus.TopicCount == 0, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_graphql_ws_client_sees_a_rejected_token_as_close_4403()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);

        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync("ws-client.mjs", ["forbidden", server.WebSocketUri.ToString(), "reject"], s_nodeTimeout);

        Assert.True(exitCode == 0, $"ws-client.mjs exited with {exitCode}: {stdErr}");
        using var output = JsonDocument.Parse(stdOut);
        Assert.True(output.RootElement.GetProperty("rejected").GetBoolean());
        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, output.RootElement.GetProperty("closeCode").GetInt32());
    }
}
