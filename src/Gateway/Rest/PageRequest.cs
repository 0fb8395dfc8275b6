using Microsoft.EntityFrameworkCore;

namespace Gateway.Rest;

/// <summary>A validated <c>limit</c>/<c>offset</c> window over a sub-collection.</summary>
public readonly record struct PageRequest(int Limit, int Offset)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// Reads <c>limit</c> (1..<see cref="MaxLimit"/>, default <paramref name="defaultLimit"/>) and <c>offset</c> (0 or more, default 0),
    /// adding a message to <paramref name="errors"/> for each bad value.
    /// </summary>
    public static PageRequest Parse(string? limit, string? offset, QueryErrors errors, int defaultLimit = DefaultLimit) =>
        new(
            errors.Int32("limit", limit, min: 1, max: MaxLimit) ?? defaultLimit,
            errors.Int32("offset", offset, min: 0, max: int.MaxValue) ?? 0);

    /// <summary>Counts <paramref name="query"/> and reads this window of it (two statements).</summary>
    public async Task<PageDto<T>> ToPageAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = Offset >= total
            ? []
            : await query.Skip(Offset).Take(Limit).ToListAsync(cancellationToken);
        return new PageDto<T>(items, total, Limit, Offset);
    }
}
