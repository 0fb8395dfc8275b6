using System.Net.Http.Headers;
using System.Text;
using Gateway.Auth;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Frontends;

/// <summary>
/// The gateway compresses GraphQL and REST responses of 1 KB and more (smaller ones leave as they are, with their
/// length) and keeps signed-in answers out of every cache.
/// </summary>
public sealed class CompressionTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Theory]
    [InlineData("/api/products?limit=50")]
    [InlineData("/graphql?query=%7B%20products(first%3A%2050)%20%7B%20nodes%20%7B%20id%20name%20price%20%7D%20%7D%20%7D")]
    public async Task Json_responses_are_brotli_compressed_to_under_half(string pathAndQuery)
    {
        using var plainRequest = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        using var compressedRequest = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        compressedRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var plain = await _client.SendAsync(plainRequest);
        using var compressed = await _client.SendAsync(compressedRequest);
        var plainBytes = (await plain.Content.ReadAsByteArrayAsync()).Length;
        var compressedBytes = (await compressed.Content.ReadAsByteArrayAsync()).Length;

        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.True(compressedBytes * 2 < plainBytes, $"{compressedBytes} compressed bytes against {plainBytes}");
    }

    [Theory]
    [InlineData("/api/products/1/rating")]
    [InlineData("/api/categories/1")]
    [InlineData("/graphql?query=%7B%20__typename%20%7D")]
    [InlineData("/graphql?query=%7B%20node%28id%3A%20%22UHJvZHVjdDox%22%29%20%7B%20id%20...%20on%20Product%20%7B%20name%20price%20%7D%20%7D%20%7D")]
    public async Task Json_responses_under_1_kb_go_uncompressed_with_their_length(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var bytes = Encoding.UTF8.GetByteCount(body);

        Assert.True(response.IsSuccessStatusCode && !body.Contains("\"errors\""), $"{(int)response.StatusCode}: {body}");
        Assert.InRange(bytes, 1, 1023);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal($"{bytes}", response.Content.Headers.NonValidated["Content-Length"].ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task A_signed_in_response_is_no_store()
    {
        var token = gateway.Services.GetRequiredService<TokenIssuer>().Issue(1, "Customer 1", isAdmin: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ viewer { name } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await _client.SendAsync(request);

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
