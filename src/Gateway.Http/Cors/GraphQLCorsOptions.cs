namespace Gateway.Http;

/// <summary>
/// Which browser origins may call the GraphQL endpoint (and the rest of the app) and open its WebSocket. Bound from
/// the <c>Cors</c> configuration section by <c>AddGraphQLCors</c>.
/// </summary>
public sealed class GraphQLCorsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "Cors";

    /// <summary>The name of the ASP.NET Core CORS policy these options build.</summary>
    public const string PolicyName = "GraphQL";

    /// <summary>Origins allowed everywhere, exactly as browsers send them (<c>https://shop.example.com</c>). Default none.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Whether, in the Development environment, every <c>http://localhost:*</c> and <c>http://127.0.0.1:*</c> origin is
    /// allowed as well (a frontend's dev server). Ignored elsewhere. Default <see langword="true"/>.
    /// </summary>
    public bool AllowLoopbackInDevelopment { get; set; } = true;

    /// <summary>
    /// Request headers a cross-origin request may carry: the JSON body's type, the bearer token, and the headers
    /// GraphQL clients add (Apollo's client awareness and CSRF-prevention headers, the GraphQL preflight header).
    /// </summary>
    public string[] AllowedHeaders { get; set; } =
    [
        "content-type",
        "authorization",
        "accept",
        "apollographql-client-name",
        "apollographql-client-version",
        "apollo-require-preflight",
        "x-apollo-operation-name",
        "graphql-preflight",
        "cache-control",
        "last-event-id",
        "graphql-cost",
    ];

    /// <summary>
    /// Response headers a page's script may read: how long to wait after a 429 (<c>Retry-After</c>), the SQL statement
    /// count the diagnostics header reports.
    /// </summary>
    public string[] ExposedHeaders { get; set; } = ["retry-after", "x-sql-statements"];

    /// <summary>How long browsers may cache a preflight answer, in seconds (Chromium caps it at 7200). Default 600.</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
