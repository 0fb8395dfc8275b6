using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Shipping;

/// <summary>The gateway calling the shipping service at <paramref name="url"/>.</summary>
public sealed class ShippingGatewayFactory(string url, params (string Key, string Value)[] settings) : GatewayFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Shipping:Url", url), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))];
}
