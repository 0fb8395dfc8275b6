using Gateway.Tests.Transport;
using Microsoft.AspNetCore.Hosting;

namespace Gateway.Tests.Safety;

/// <summary>
/// The gateway as it faces the internet: the Production environment (introspection off, no exception details) on
/// Kestrel at 127.0.0.1 on a free port, with every default limit in place.
/// </summary>
public sealed class EdgeGatewayFactory : KestrelGatewayFactory
{
    public const string SigningKey = "edge-tests-signing-key-of-more-than-32-bytes";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Auth:SigningKey", SigningKey)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public HttpClient CreateSocketClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
