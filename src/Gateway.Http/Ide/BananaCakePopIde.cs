using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Ide;

/// <summary>
/// Serves the Banana Cake Pop IDE from the files the build copies into <c>bcp/</c> of the output folder
/// (see Gateway.Http.csproj): its page at the endpoint itself, its static files below it, and the
/// <c>bcp-config.json</c> the page fetches from beside itself to learn its endpoint. Nothing comes from a CDN.
/// </summary>
internal sealed class BananaCakePopIde : IDisposable
{
    private readonly PhysicalFileProvider? _files;
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly Lazy<string?> _indexHtml;

    public BananaCakePopIde()
        : this(Path.Combine(AppContext.BaseDirectory, "bcp"))
    {
    }

    internal BananaCakePopIde(string root)
    {
        _files = Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
        _indexHtml = new Lazy<string?>(() => _files?.GetFileInfo("index.html") is { Exists: true, PhysicalPath: { } path }
            ? File.ReadAllText(path, Encoding.UTF8)
            : null);
    }

    /// <summary>
    /// Answers the IDE page. Its asset URLs are relative, so a <c>&lt;base&gt;</c> pointing below the endpoint makes
    /// them resolve there even when the page is opened as <c>/graphql</c> without a trailing slash.
    /// </summary>
    public Task ServeIndexAsync(HttpContext http, string endpointPath)
    {
        if (_indexHtml.Value is not { } html)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync("The Banana Cake Pop IDE files are missing from the output folder (bcp/); build Gateway.Http with npm available.");
        }

        var baseTag = $"<base href=\"{HtmlEncoder.Default.Encode(endpointPath.TrimEnd('/') + "/")}\"/>";
        var page = html.Replace("<head>", "<head>" + baseTag, StringComparison.OrdinalIgnoreCase);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        return http.Response.WriteAsync(page);
    }

    /// <summary>Answers a file below the endpoint; <see langword="false"/> when there is none.</summary>
    public async Task<bool> TryServeFileAsync(HttpContext http, PathString subPath, string endpointPath)
    {
        if (subPath.Equals("/bcp-config.json", StringComparison.OrdinalIgnoreCase))
        {
            await ServeConfigAsync(http, endpointPath).ConfigureAwait(false);
            return true;
        }

        if (_files is null || subPath.Value is not { Length: > 1 } relative
            || _files.GetFileInfo(relative[1..]) is not { Exists: true, IsDirectory: false } file)
        {
            return false;
        }

        http.Response.ContentType = _contentTypes.TryGetContentType(file.Name, out var contentType)
            ? contentType
            : "application/octet-stream";
        http.Response.ContentLength = file.Length;
        // Files under static/ carry a content hash in their names, so they never change.
        http.Response.Headers.CacheControl = subPath.StartsWithSegments("/static")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The self-hosted IDE reads these settings from <c>bcp-config.json</c> beside its page; with
    /// <c>useBrowserUrlAsEndpoint</c> it sends operations to the URL it was opened from.
    /// </summary>
    private static Task ServeConfigAsync(HttpContext http, string endpointPath)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["useBrowserUrlAsEndpoint"] = true,
            ["endpoint"] = endpointPath,
            ["disableTelemetry"] = true,
        }));
    }

    public void Dispose() => _files?.Dispose();
}
