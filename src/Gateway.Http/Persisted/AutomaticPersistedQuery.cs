using System.Globalization;
using GraphQL;

namespace Gateway.Http.Persisted;

/// <summary>
/// The <c>extensions.persistedQuery</c> of Apollo's automatic persisted queries protocol:
/// <c>{ "version": 1, "sha256Hash": "&lt;hex&gt;" }</c>, read from a request's extensions.
/// </summary>
internal sealed record AutomaticPersistedQuery(string Hash)
{
    public const string ExtensionKey = "persistedQuery";

    /// <summary>
    /// <see langword="null"/> when the request does not use the protocol; otherwise the request's hash, or an error that
    /// says why its <c>persistedQuery</c> is unusable.
    /// </summary>
    public static AutomaticPersistedQuery? Read(Inputs? extensions, out ExecutionError? error)
    {
        error = null;
        if (extensions is null || !extensions.TryGetValue(ExtensionKey, out var value) || value is null)
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> persistedQuery)
        {
            error = new PersistedQueryNotSupportedError("extensions.persistedQuery must be an object.");
            return null;
        }

        if (!persistedQuery.TryGetValue("version", out var version) || !IsVersionOne(version))
        {
            error = new PersistedQueryNotSupportedError("only version 1 of the protocol is supported.");
            return null;
        }

        if (!persistedQuery.TryGetValue("sha256Hash", out var hash) || hash is not string text || !Sha256Hex.IsValid(text))
        {
            error = new PersistedQueryNotSupportedError("sha256Hash must be 64 lowercase hexadecimal digits.");
            return null;
        }

        return new AutomaticPersistedQuery(text);
    }

    private static bool IsVersionOne(object? version)
    {
        try
        {
            return version is not (null or string or bool) && Convert.ToDecimal(version, CultureInfo.InvariantCulture) == 1;
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
