using System.Net;
using System.Net.WebSockets;
using Gateway.Tests.Transport;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The gateway's CORS (Development: loopback dev servers allowed) on Kestrel: the WebSocket handshake and a rejected
/// token. A real socket, because the check must run before ASP.NET Core's WebSocket middleware has looked at the request.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class CorsTests(KestrelGatewayFactory gateway)
{
    private async Task<HttpStatusCode?> ConnectAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(new UriBuilder(gateway.GraphQLEndpoint) { Scheme = "ws" }.Uri, CancellationToken.None);
            return null;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    [Fact]
    public async Task The_websocket_handshake_admits_the_origins_cors_admits()
    {
        Assert.Null(await ConnectAsync("http://localhost:3000"));
        Assert.Null(await ConnectAsync(null));
        Assert.Null(await ConnectAsync(gateway.GraphQLEndpoint.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(HttpStatusCode.Forbidden, await ConnectAsync("https://evil.example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, await ConnectAsync("http://127.0.0.2:3000"));
    }

    [Fact]
    public async Task A_rejected_token_is_a_401_the_page_can_read()
    {
        using var client = new HttpClient { BaseAddress = gateway.GraphQLEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ viewer { name } }"}""") };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Authorization = new("Bearer", "not-a-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
