using System.IO.Compression;
using Gateway.Http.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Http;

/// <summary>Registers response compression and <c>Cache-Control</c> headers for the whole application.</summary>
public static class GraphQLResponseServiceCollectionExtensions
{
    /// <summary>
    /// Brotli and gzip (at their fastest levels: JSON shrinks about as much, for a fraction of the CPU) for GraphQL,
    /// JSON and text responses, over HTTPS too (BREACH needs a cross-site page to send the victim's credentials along, and
    /// bearer tokens, unlike cookies, are never sent by the browser on its own), with <c>Vary: Accept-Encoding</c>.
    /// Responses under 1 KB (<see cref="SizeAwareCompressionProvider.MinimumSize"/>) go uncompressed, with their
    /// <c>Content-Length</c>. Server-Sent Events (<c>text/event-stream</c>) are never compressed, so each event leaves
    /// at once. Added to the pipeline by a startup filter.
    /// </summary>
    public static IServiceCollection AddGraphQLResponseCompression(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // ASP.NET Core's defaults (JSON, text, HTML, JavaScript: the SDL and the IDE's files) and the GraphQL type.
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/graphql-response+json", "application/problem+json", "text/javascript"];
        });
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, SizeAwareCompressionProvider>());
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddTransient<IStartupFilter, CompressionStartupFilter>();
        return services;
    }

    /// <summary>
    /// <c>Cache-Control: no-store</c> on responses to requests with credentials, and the optional public caching of
    /// anonymous persisted-operation GETs (<see cref="GraphQLCacheControlOptions"/>, bound from its section).
    /// </summary>
    public static IServiceCollection AddGraphQLCacheHeaders(this IServiceCollection services, Action<GraphQLCacheControlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLCacheControlOptions>()
            .BindConfiguration(GraphQLCacheControlOptions.ConfigurationSection)
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.PersistedQueryMaxAgeSeconds >= 0, "PersistedQueryMaxAgeSeconds must not be negative.");
        services.AddTransient<IStartupFilter, CacheHeadersStartupFilter>();
        return services;
    }

    private sealed class CompressionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseResponseCompression();
            app.UseMiddleware<SmallResponseMiddleware>();
            next(app);
        };
    }

    private sealed class CacheHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<CacheHeadersMiddleware>();
            next(app);
        };
    }
}
