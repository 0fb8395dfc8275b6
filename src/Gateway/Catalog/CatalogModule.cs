using Gateway.EntityFramework;

namespace Gateway.Catalog;

public static class CatalogModule
{
    /// <summary>Categories and products: their types and root fields.</summary>
    public static IServiceCollection AddCatalogModule(this IServiceCollection services) => services
        .AddEntityType<CategoryType>()
        .AddEntityType<ProductType>()
        .AddEntityQueries<CatalogQueries>();
}
