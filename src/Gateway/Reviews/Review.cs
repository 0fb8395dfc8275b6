using Gateway.Catalog;
using Gateway.Customers;

namespace Gateway.Reviews;

public sealed class Review
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public int AuthorId { get; set; }
    public Customer Author { get; set; } = null!;

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; set; }

    public required string Title { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
