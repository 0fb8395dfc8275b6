using System.Net;
using System.Text;
using Gateway.Http.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Http.Tests.Caching;

/// <summary>
/// The compression threshold with responses written in pieces: what is held below 1 KB, what crosses it, what the
/// application flushes, unbuffers or clears on the way (HttpResponse.WriteAsync starts the response each time too).
/// </summary>
public sealed class SmallResponseBodyTests : IAsyncLifetime
{
    private GraphQLTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await GraphQLTestServer.StartAsync(services: services => services.AddGraphQLResponseCompression(), endpoints: app =>
        {
            app.MapGet("/pieces/{size:int}", async (HttpContext context, int size) =>
            {
                // In pieces of 100 bytes, each flushed, as a serializer might.
                context.Response.ContentType = "application/json";
                for (var written = 0; written < size; written += 100)
                {
                    await context.Response.WriteAsync(new string('x', Math.Min(100, size - written)));
                    await context.Response.Body.FlushAsync();
                }
            });
            app.MapGet("/unbuffered", async context =>
            {
                // A stream of its own, which says so.
                context.Response.ContentType = "application/json";
                context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
                await context.Response.WriteAsync("{}");
            });
            app.MapGet("/cleared", async context =>
            {
                // A response replaced halfway, as an exception handler does.
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"half\":");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error\":true}");
            });
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", "gzip");
        var response = await _server.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1023)]
    public async Task A_response_that_ends_under_1_kb_is_sent_whole_with_its_length(int size)
    {
        var (response, body) = await GetAsync($"/pieces/{size}");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal($"{size}", response.Content.Headers.NonValidated["Content-Length"].ToString());
        Assert.Equal(new string('x', size), Encoding.UTF8.GetString(body));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(5000)]
    public async Task A_response_that_reaches_1_kb_is_compressed_from_its_first_byte(int size)
    {
        var (response, body) = await GetAsync($"/pieces/{size}");
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(gzip);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(new string('x', size), await text.ReadToEndAsync());
    }

    [Fact]
    public async Task A_response_the_application_unbuffers_is_not_held()
    {
        var (response, body) = await GetAsync("/unbuffered");

        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.NotEmpty(body);
    }

    [Fact]
    public async Task A_cleared_response_sends_only_what_was_written_after()
    {
        var (response, body) = await GetAsync("/cleared");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("{\"error\":true}", Encoding.UTF8.GetString(body));
    }
}
