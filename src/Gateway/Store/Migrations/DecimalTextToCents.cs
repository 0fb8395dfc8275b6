namespace Gateway.Store.Migrations;

/// <summary>
/// SQL that turns money stored as decimal text ("12.3", "0.05", "7.0", as EF Core writes decimals on SQLite) into
/// integer cents and back, with string arithmetic only: no value passes through binary floating point. A value
/// that is not a whole number of cents (or not a plain non-negative decimal) becomes NULL, which the column's
/// NOT NULL constraint refuses, so the migration fails instead of rounding money.
/// </summary>
internal static class DecimalTextToCents
{
    public static string Update(string table, string column)
    {
        var text = $"CAST(\"{column}\" AS TEXT)";
        var dot = $"instr({text}, '.')";
        var whole = $"(CASE WHEN {dot} = 0 THEN {text} ELSE substr({text}, 1, {dot} - 1) END)";
        // Trailing zeros carry nothing ("7.50" is 750 cents); what is left must fit in two digits.
        var fraction = $"(CASE WHEN {dot} = 0 THEN '' ELSE rtrim(substr({text}, {dot} + 1), '0') END)";
        return $"""
            UPDATE "{table}" SET "{column}" = CASE
                WHEN {whole} GLOB '[0-9]*' AND {whole} NOT GLOB '*[^0-9]*'
                     AND {fraction} NOT GLOB '*[^0-9]*' AND length({fraction}) <= 2
                THEN CAST({whole} AS INTEGER) * 100 + CAST(substr({fraction} || '00', 1, 2) AS INTEGER)
            END;
            """;
    }

    /// <summary>Cents back to decimal text with two places ("12.30"), which EF Core reads as the same decimal.</summary>
    public static string Revert(string table, string column) =>
        $"""UPDATE "{table}" SET "{column}" = printf('%d.%02d', "{column}" / 100, "{column}" % 100);""";
}
