namespace Gateway.EntityFramework.Filtering;

/// <summary>
/// A decimal column with a declared scale holds no value finer than that scale, so a compared value can be rounded
/// to it without changing which rows match: <c>x &gt; 9.995</c> is <c>x &gt; 9.99</c> and <c>x &lt; 9.995</c> is
/// <c>x &lt; 10.00</c> when every x has two decimals, and <c>x = 9.995</c> matches nothing. The store may then keep
/// such a column in whatever exact form suits it (integer minor units, for one), whose converter needs no rounding.
/// </summary>
internal readonly record struct DecimalScale(int Places)
{
    /// <summary>Whether <paramref name="value"/> has at most <see cref="Places"/> decimals, i.e. a stored value can equal it.</summary>
    public bool Holds(decimal value) => Math.Round(value, Places, MidpointRounding.ToZero) == value;

    /// <summary>The operand of a comparison, rounded towards the side that keeps its meaning: up for &lt; and &gt;=, down for &gt; and &lt;=.</summary>
    public decimal Bound(decimal value, bool greater, bool orEqual) =>
        Math.Round(value, Places, greater == orEqual ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
}
