using Microsoft.Extensions.Options;

namespace Gateway.Shipping;

/// <summary>
/// Where the shipping service answers: the configured <c>Shipping:Url</c>, or the embedded service's path. An embedded
/// call never leaves the process (<see cref="InProcessShippingHandler"/>), so its host is only a name.
/// </summary>
public sealed class ShippingEndpoint(IOptions<ShippingOptions> options)
{
    private static readonly Uri Embedded = new("http://localhost" + ShippingOptions.EmbeddedPath + "/graphql");

    public bool IsEmbedded => string.IsNullOrWhiteSpace(options.Value.Url);

    public Uri Uri => IsEmbedded ? Embedded : new Uri(options.Value.Url!);
}
