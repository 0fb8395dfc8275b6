using System.Net;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace Gateway.Tests.Frontends;

/// <summary>The gateway's CORS (Development: loopback dev servers allowed) on the WebSocket and on a rejected token.</summary>
public sealed class CorsTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private async Task<Exception?> ConnectAsync(string? origin)
    {
        var client = gateway.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (origin is not null)
        {
            client.ConfigureRequest = request => request.Headers.Origin = origin;
        }

        try
        {
            using var socket = await client.ConnectAsync(new Uri(gateway.Server.BaseAddress, "/graphql"), CancellationToken.None);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task The_websocket_handshake_admits_the_origins_cors_admits()
    {
        Assert.Null(await ConnectAsync("http://localhost:3000"));
        Assert.Null(await ConnectAsync(null));
        Assert.Null(await ConnectAsync("http://localhost"));
        var refused = await ConnectAsync("https://evil.example.com");
        Assert.Contains("403", refused?.Message);
    }

    [Fact]
    public async Task A_rejected_token_is_a_401_the_page_can_read()
    {
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ viewer { name } }"}""") };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Authorization = new("Bearer", "not-a-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
