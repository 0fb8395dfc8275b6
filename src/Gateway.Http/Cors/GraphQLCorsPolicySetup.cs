using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Cors;

/// <summary>Builds the <see cref="GraphQLCorsOptions.PolicyName"/> CORS policy from <see cref="GraphQLCorsOptions"/> and the environment.</summary>
internal sealed class GraphQLCorsPolicySetup(IOptions<GraphQLCorsOptions> options, IHostEnvironment? environment = null) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions cors)
    {
        var value = options.Value;
        var allowed = value.AllowedOrigins.Select(origin => origin.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loopback = value.AllowLoopbackInDevelopment && environment?.IsDevelopment() == true;
        cors.AddPolicy(GraphQLCorsOptions.PolicyName, policy => policy
            .SetIsOriginAllowed(origin => allowed.Contains(origin) || (loopback && IsLoopbackHttp(origin)))
            .WithMethods("GET", "POST")
            .WithHeaders(value.AllowedHeaders)
            .WithExposedHeaders(value.ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromSeconds(value.PreflightMaxAgeSeconds)));
    }

    /// <summary><c>http://localhost</c> or <c>http://127.0.0.1</c> on any port, and nothing that merely starts like it.</summary>
    private static bool IsLoopbackHttp(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host == "127.0.0.1")
        && uri.AbsolutePath == "/";
}
