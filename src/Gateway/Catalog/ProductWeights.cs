namespace Gateway.Catalog;

/// <summary>
/// Seeded product weights: a formula of the id, not a draw from the seed's random sequence, so adding the column
/// changes no other seeded value; the migration fills existing stores with the same formula in SQL.
/// </summary>
public static class ProductWeights
{
    public const int MinGrams = 150;
    public const int StepGrams = 50;
    public const int Steps = 97;

    /// <summary>150 g to 4,950 g, spread over the ids.</summary>
    public static int Of(int productId) => MinGrams + (productId * 7_919 % Steps) * StepGrams;

    /// <summary><see cref="Of"/> in SQL (SQLite and PostgreSQL alike: integer arithmetic on the id column).</summary>
    public const string BackfillSql = "UPDATE \"Products\" SET \"WeightGrams\" = 150 + (\"Id\" * 7919 % 97) * 50";
}
