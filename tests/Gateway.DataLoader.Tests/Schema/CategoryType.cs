using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL.Types;

namespace Gateway.DataLoader.Tests.Schema;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Field(category => category.Id);
        Field(category => category.Name, nullable: true);
        Field(category => category.ParentId, nullable: true);
        Field<CategoryType>("parent")
            .Resolve(ctx => ctx.GetDataLoader<CategoryByIdLoader>().LoadAsync(ctx.Source.ParentId));
    }
}
