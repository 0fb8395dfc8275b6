using System.Net;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Transport;

/// <summary>
/// The real gateway (<see cref="GatewayFactory"/>: its Program, modules and a seeded temporary store) on Kestrel at
/// 127.0.0.1 on a free port, for clients outside the process: the graphql-http audit and the browser.
/// </summary>
public class KestrelGatewayFactory : GatewayFactory
{
    private readonly Lazy<Uri> _baseAddress;

    public KestrelGatewayFactory()
        : this(null)
    {
    }

    /// <summary>A gateway on Kestrel over the store in <paramref name="storeDirectory"/> (another replica's), or a new one.</summary>
    protected KestrelGatewayFactory(string? storeDirectory)
        : base(storeDirectory)
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _baseAddress = new Lazy<Uri>(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single());
        });
    }

    /// <summary>The server's address; starts the server on first use.</summary>
    public Uri BaseAddress => _baseAddress.Value;

    /// <summary>The GraphQL endpoint; starts the server on first use.</summary>
    public Uri GraphQLEndpoint => new(_baseAddress.Value, "/graphql");
}

/// <summary>One Kestrel gateway (and one seeded store) for all the transport tests that need a real socket.</summary>
[CollectionDefinition(Name)]
public sealed class KestrelGatewayCollection : ICollectionFixture<KestrelGatewayFactory>
{
    public const string Name = "Kestrel gateway";
}
