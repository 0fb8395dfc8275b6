using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Gateway.Shipping;

/// <summary>
/// Where the shipping service answers: the configured <c>Shipping:Url</c>, or the gateway's own address plus
/// <c>/shipping/graphql</c> (known only once the server listens, so resolved at the first call).
/// </summary>
public sealed class ShippingEndpoint(IOptions<ShippingOptions> options, IServer server)
{
    private Uri? _uri;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(options.Value.Url);

    public Uri Uri => _uri ??= IsEmbedded ? Loopback() : new Uri(options.Value.Url!);

    /// <summary>False for an embedded service in a host that does not listen on a socket (an in-memory test server).</summary>
    public bool IsReachable => !IsEmbedded || server.Features.Get<IServerAddressesFeature>()?.Addresses.Count > 0;

    private Uri Loopback()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The gateway's own address is not known: the embedded shipping service cannot be called.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = ShippingOptions.EmbeddedPath + "/graphql";
        return uri.Uri;
    }
}
