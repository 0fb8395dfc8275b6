using Gateway.EntityFramework.Types;

namespace Gateway.Catalog;

public sealed class CategoryType : EntityType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Id(c => c.Id);
        Field(c => c.Name);
        Field(c => c.Slug);
        Field(c => c.Depth).Description("0 for a root category, 1 for its children.");
        Reference(c => c.Parent).Description("The parent category; null for a root.");
        // In id order on every provider (PostgreSQL returns rows of an unordered join in no particular order).
        List("children", c => c.Children.OrderBy(child => child.Id));
        Connection("products", c => c.Products).Description("Products filed directly under this category.");
        // Kept by the store (see Category.ProductCount): a column, not a count over the category's products per request.
        Field("productCount", c => c.ProductCount)
            .Description("Products in this category and all its descendants.")
            .NotFilterable().NotSortable();
    }
}
