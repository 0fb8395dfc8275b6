using GraphQL.Execution;

namespace Gateway.Http.Persisted;

/// <summary>
/// An APQ hash the server does not know. Apollo's persisted-queries link (and urql's) recognise it by this exact
/// message or code and retry with the query text, which registers it; the transport answers it with 200 so that
/// every client sees it as a GraphQL error rather than a failed request.
/// </summary>
public sealed class PersistedQueryNotFoundError : RequestError
{
    public const string ErrorCode = "PERSISTED_QUERY_NOT_FOUND";

    public PersistedQueryNotFoundError()
        : base("PersistedQueryNotFound") => Code = ErrorCode;
}

/// <summary>An APQ request the server cannot serve: an unknown protocol version, or APQ switched off.</summary>
public sealed class PersistedQueryNotSupportedError : RequestError
{
    public const string ErrorCode = "PERSISTED_QUERY_NOT_SUPPORTED";

    public PersistedQueryNotSupportedError(string detail)
        : base("PersistedQueryNotSupported: " + detail) => Code = ErrorCode;
}

/// <summary>An APQ registration whose hash is not the SHA-256 of its query text: nothing is registered.</summary>
public sealed class PersistedQueryHashMismatchError : RequestError
{
    public const string ErrorCode = "PERSISTED_QUERY_HASH_MISMATCH";

    public PersistedQueryHashMismatchError()
        : base("The persisted query's sha256Hash is not the SHA-256 hash of its query text.") => Code = ErrorCode;
}

/// <summary>Trusted documents mode refused a document that is not in the manifest, or an APQ registration.</summary>
public sealed class PersistedOperationOnlyError : RequestError
{
    public const string ErrorCode = "PERSISTED_OPERATION_ONLY";

    public PersistedOperationOnlyError()
        : base("This server runs only persisted operations: send the documentId of a document in its manifest.") => Code = ErrorCode;
}
