using GraphQL;

namespace Gateway.Shipping;

/// <summary>The field errors of a remote source that did not answer in time or usefully; the field is null, the response goes on.</summary>
public static class UpstreamErrors
{
    public const string Unavailable = "UPSTREAM_UNAVAILABLE";
    public const string Timeout = "UPSTREAM_TIMEOUT";

    public static ExecutionError Create(string code, string message) => new(message) { Code = code };
}
