namespace Gateway.Catalog;

public sealed class Product
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>Exact money: stored as integer cents, compared and ordered natively in SQL (see <c>CentsConverter</c>).</summary>
    public decimal Price { get; set; }

    public string Currency { get; set; } = "EUR";
    public DateTime CreatedAt { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    /// <summary>How many reviews the product has: kept by the Reviews module in the transaction of each review write.</summary>
    public int ReviewCount { get; set; }

    /// <summary>The sum of its reviews' stars, kept with <see cref="ReviewCount"/>: an average costs no scan of the reviews.</summary>
    public int RatingSum { get; set; }

    /// <summary>Shipping weight in grams: what the shipping service prices a parcel by.</summary>
    public int WeightGrams { get; set; }
}
