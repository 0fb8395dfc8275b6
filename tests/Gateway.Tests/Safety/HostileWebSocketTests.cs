using System.Text.Json.Nodes;

namespace Gateway.Tests.Safety;

/// <summary>
/// The hostile documents over WebSocket: each gets the same error code as over HTTP, in an <c>error</c> message for
/// its operation, and the socket protocol is not broken by it.
/// </summary>
public sealed class HostileWebSocketTests(EdgeGatewayFactory gateway) : IClassFixture<EdgeGatewayFactory>
{
    /// <summary>Documents small enough for a WebSocket message (256 KiB) that are refused before execution.</summary>
    public static TheoryData<HostileRequest> Documents()
    {
        var data = new TheoryData<HostileRequest>();
        foreach (var request in HostileDocuments.All().Where(r => r.ExpectedCode is not null && r.Query is not null && r.Query.Length + (r.OperationName?.Length ?? 0) < 100_000))
        {
            data.Add(request);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_hostile_document_gets_the_same_code_over_websocket_as_over_http(HostileRequest hostile)
    {
        using var client = gateway.CreateSocketClient();
        var overHttp = await HostileInputTests.SendAsync(client, hostile);
        var httpCodes = HostileInputTests.Codes(JsonNode.Parse(overHttp.Body)).ToList();

        var (message, close) = await WebSocketProbe.SubscribeAsync(gateway.BaseAddress, hostile.Query!, hostile.Variables, hostile.OperationName);

        Assert.True(message is not null, $"{hostile.Name}: the socket closed ({close}) instead of answering");
        Assert.Equal("error", (string?)message["type"]);
        var wsCodes = message["payload"]!.AsArray().Select(error => (string?)error?["extensions"]?["code"] ?? "").ToList();
        Assert.Equal(httpCodes, wsCodes);
        Assert.Contains(hostile.ExpectedCode, wsCodes);
    }
}
