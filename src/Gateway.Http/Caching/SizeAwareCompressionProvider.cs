using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Caching;

/// <summary>
/// ASP.NET Core's choice of what to compress (types, <c>Content-Encoding</c>, ranges), and nothing shorter than
/// <see cref="MinimumSize"/>: ASP.NET Core has no minimum size of its own. A response that small fits in one TCP
/// segment either way, and compressing it costs 5 to 20 µs for a saving of at most a few hundred bytes (below about
/// 150 bytes the compressed form is no smaller; measured with Brotli and gzip at their fastest levels). The length is
/// known from <c>Content-Length</c>, which <see cref="SmallResponseBody"/> sets on every response that ends below the
/// minimum.
/// </summary>
internal sealed class SizeAwareCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    /// <summary>The smallest response body, in bytes, that is compressed.</summary>
    public const int MinimumSize = 1024;

    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Response.ContentLength is not < MinimumSize && base.ShouldCompressResponse(context);
}
