using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Store;

/// <summary>
/// Money as an integer count of cents in the store, a <see cref="decimal"/> everywhere else. SQLite compares,
/// orders and sums integers natively (and an index can serve them), where a decimal would be text compared
/// through EF Core's <c>ef_compare</c> callback row by row. Both directions are exact; nothing passes through
/// binary floating point.
/// </summary>
internal sealed class CentsConverter() : ValueConverter<decimal, long>(
    value => ToCents(value),
    cents => FromCents(cents))
{
    /// <summary>Decimal places of an amount of money: what the column can hold.</summary>
    public const int Scale = 2;

    /// <summary>
    /// The amount in cents. A fraction of a cent has no exact stored form, so it is refused rather than rounded;
    /// the query engine rounds compared values to <see cref="Scale"/> places before they get here.
    /// </summary>
    public static long ToCents(decimal value)
    {
        var cents = value * 100m;
        return cents == decimal.Truncate(cents)
            ? decimal.ToInt64(cents)
            : throw new ArgumentException($"{value} is not a whole number of cents.", nameof(value));
    }

    /// <summary>The amount in cents as a decimal without trailing zeros (12.3, not 12.30), as the text storage read back.</summary>
    public static decimal FromCents(long cents) => cents / 100m;
}
