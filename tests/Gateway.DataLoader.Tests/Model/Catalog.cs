namespace Gateway.DataLoader.Tests.Model;

public sealed record Category(int Id, string? Name, int? ParentId);

public sealed record Product(int Id, string Name, int CategoryId);

public sealed record Review(int Id, int ProductId, int AuthorId, int Rating);

public sealed record Author(int Id, string Name);

/// <summary>A small in-memory catalogue: a category tree of three levels, five products, three reviews.</summary>
public static class CatalogData
{
    public static readonly IReadOnlyList<Category> Categories =
    [
        new(1, "Everything", null),
        new(2, "Books", 1),
        new(3, "Games", 1),
        new(4, "Novels", 2),
        new(5, "Puzzles", 3),
    ];

    // Product 5 points at a category that does not exist, so its category loads as null.
    public static readonly IReadOnlyList<Product> Products =
    [
        new(1, "Dune", 4),
        new(2, "Emma", 4),
        new(3, "Jigsaw", 5),
        new(4, "Sudoku", 5),
        new(5, "Orphan", 99),
    ];

    public static readonly IReadOnlyList<Review> Reviews =
    [
        new(1, ProductId: 1, AuthorId: 1, Rating: 5),
        new(2, ProductId: 1, AuthorId: 2, Rating: 4),
        new(3, ProductId: 3, AuthorId: 1, Rating: 3),
    ];

    public static readonly IReadOnlyList<Author> Authors =
    [
        new(1, "Ada"),
        new(2, "Grace"),
    ];
}
