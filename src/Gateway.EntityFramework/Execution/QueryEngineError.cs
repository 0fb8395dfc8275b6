using GraphQL;

namespace Gateway.EntityFramework.Execution;

/// <summary>A client error in paging, filtering, sorting or ids: a field error with a code, never a server error.</summary>
internal sealed class QueryEngineError : ExecutionError
{
    public QueryEngineError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}

/// <summary>The codes of <see cref="QueryEngineError"/>.</summary>
internal static class QueryEngineErrorCodes
{
    public const string FirstAndLast = "PAGING_FIRST_AND_LAST";
    public const string NegativePageSize = "PAGING_NEGATIVE_SIZE";
    public const string PageSizeTooLarge = "PAGING_MAX_SIZE_EXCEEDED";
    public const string InvalidCursor = "PAGING_INVALID_CURSOR";
    public const string CursorOrderMismatch = "PAGING_CURSOR_ORDER_MISMATCH";
    public const string FilterListTooLong = "FILTER_LIST_TOO_LONG";
    public const string InvalidSort = "SORT_INVALID";
    public const string InvalidId = "INVALID_ID";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string TooManyIds = "NODES_TOO_MANY_IDS";
}
