using System.Linq.Expressions;

namespace Gateway.Catalog;

/// <summary>Projections to the REST DTOs, kept as expressions so that EF Core selects only their columns.</summary>
internal static class CatalogProjections
{
    public static readonly Expression<Func<Category, CategoryDto>> CategoryToDto = c =>
        new CategoryDto(c.Id, c.Name, c.Slug, c.ParentId, c.Depth);
}
