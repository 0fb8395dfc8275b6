using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.WarmUp;

/// <summary>The gateway's own first listening address as a loopback URL a client in the process can call.</summary>
public static class OwnAddress
{
    /// <summary>
    /// Null when the host listens on no socket or has not started listening. Only Kestrel's addresses are sockets of
    /// this process: an in-memory test server reports the configured <c>Urls</c> (<c>http://localhost:5000</c> in
    /// Production settings) without listening there, and a call to them would reach whatever else does.
    /// </summary>
    public static Uri? Of(IServer server, string path)
    {
        if (server.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) != true
            || server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = path;
        return uri.Uri;
    }
}
