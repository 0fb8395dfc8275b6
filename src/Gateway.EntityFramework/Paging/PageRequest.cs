using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Paging;

/// <summary>A validated page request: size, direction and the decoded cursors, for one sort order.</summary>
internal sealed record PageRequest(int Size, bool Backward, object?[]? After, object?[]? Before, string Signature)
{
    public static PageRequest Parse(FieldArguments arguments, EntityFrameworkOptions options, IReadOnlyList<Type> keyTypes, string signature)
    {
        var first = arguments.Get<int?>("first", null);
        var last = arguments.Get<int?>("last", null);
        if (first is not null && last is not null)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.FirstAndLast, "Passing both `first` and `last` to paginate a connection is not supported.");
        }

        var size = first ?? last ?? options.DefaultPageSize;
        if (size < 0)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.NegativePageSize, $"`{(first is null ? "last" : "first")}` must not be negative; it is {size}.");
        }

        if (size > options.MaxPageSize)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.PageSizeTooLarge,
                $"Requesting {size} records on a connection exceeds the maximum page size of {options.MaxPageSize}.");
        }

        var after = Decode(arguments.Get<string?>("after", null), keyTypes, signature);
        var before = Decode(arguments.Get<string?>("before", null), keyTypes, signature);
        return new PageRequest(size, last is not null, after, before, signature);
    }

    private static object?[]? Decode(string? cursor, IReadOnlyList<Type> keyTypes, string signature) =>
        cursor is null ? null : CursorCodec.Decode(cursor, keyTypes, signature);
}
