namespace Gateway.Catalog;

/// <summary>A node of the two-level category tree; products are filed under leaf categories.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }

    /// <summary>0 for a root category, 1 for its children. Stored so that filters on it stay in SQL.</summary>
    public int Depth { get; set; }

    /// <summary>
    /// Products in this category and its children, kept by the store itself: triggers on <c>Products</c> (and on a
    /// category's move) update it in the transaction of the write, so it always equals a recount. Never written by
    /// the application (see <see cref="CategoryConfiguration"/>).
    /// </summary>
    public int ProductCount { get; private set; }

    public List<Category> Children { get; set; } = [];
    public List<Product> Products { get; set; } = [];
}
