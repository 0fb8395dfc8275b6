using Gateway.EntityFramework.Types;
using Gateway.Store;
using GraphQL.Types;

namespace Gateway.Catalog;

public sealed class CatalogQueries : EntityQueries<StoreDbContext>
{
    public CatalogQueries()
    {
        Connection("products", db => db.Products);
        List("categories", db => db.Categories);
        Single("category", (db, arguments) => db.Categories.Where(c => c.Slug == arguments.Get<string>("slug")))
            .Description("The category with this slug, or null.")
            .Argument(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "slug" });
    }
}
