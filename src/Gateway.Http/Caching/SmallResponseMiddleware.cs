using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace Gateway.Http.Caching;

/// <summary>Puts a <see cref="SmallResponseBody"/> between the application and the compression middleware.</summary>
internal sealed class SmallResponseMiddleware(RequestDelegate next, IResponseCompressionProvider compression)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Without an Accept-Encoding the compression middleware passes everything through, and so does this.
        if (!compression.CheckRequestAcceptsCompression(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var body = new SmallResponseBody(original, context, compression);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(context).ConfigureAwait(false);
            await body.FinishAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
            body.ReturnBuffer();
        }
    }
}
