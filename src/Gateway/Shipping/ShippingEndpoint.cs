using Microsoft.AspNetCore.Hosting.Server;
using Gateway.WarmUp;
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

    public Uri Uri => _uri ??= IsEmbedded
        ? OwnAddress.Of(server, ShippingOptions.EmbeddedPath + "/graphql")
            ?? throw new InvalidOperationException("The gateway's own address is not known: the embedded shipping service cannot be called.")
        : new Uri(options.Value.Url!);

    /// <summary>False for an embedded service in a host that does not listen on a socket (an in-memory test server).</summary>
    public bool IsReachable => !IsEmbedded || OwnAddress.Of(server, "/") is not null;
}
