using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL;
using GraphQL.Types;

namespace Gateway.DataLoader.Tests.Schema;

public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        Field(product => product.Id);
        Field(product => product.Name);

        Field<CategoryType>("category")
            .Resolve(ctx => ctx.GetDataLoader<CategoryByIdLoader>().LoadAsync(ctx.Source.CategoryId));

        Field<StringGraphType>("categoryName")
            .Resolve(ctx => ctx.GetDataLoader<CategoryByIdLoader>().LoadAsync(ctx.Source.CategoryId)
                .Then(category => category?.Name?.ToUpperInvariant()));

        // Two loads in a row: the parents of all products' categories are fetched in one second batch.
        Field<CategoryType>("parentCategory")
            .Resolve(ctx =>
            {
                var categories = ctx.GetDataLoader<CategoryByIdLoader>();
                return categories.LoadAsync(ctx.Source.CategoryId)
                    .Then(category => category?.ParentId is int parentId ? categories.LoadAsync(parentId) : null);
            });

        // Resolvers that reach the loader from thread-pool threads, at the same time, under the parallel strategy.
        Field<CategoryType>("categoryFromThreadPool")
            .ResolveAsync(async ctx =>
            {
                var loader = ctx.GetDataLoader<CategoryByIdLoader>();
                return await Task.Run(() => (object)loader.LoadAsync(ctx.Source.CategoryId));
            });

        Field<CategoryType>("smallBatchCategory")
            .Resolve(ctx => ctx.GetDataLoader<SmallBatchCategoryLoader>().LoadAsync(ctx.Source.CategoryId));

        Field<CategoryType>("flakyCategory")
            .Resolve(ctx => ctx.GetDataLoader<FlakyCategoryLoader>().LoadAsync(ctx.Source.CategoryId));

        Field<CategoryType>("unavailableCategory")
            .Resolve(ctx => ctx.GetDataLoader<UnavailableCategoryLoader>().LoadAsync(ctx.Source.CategoryId));

        Field<StringGraphType>("unavailableCategoryName")
            .Resolve(ctx => ctx.GetDataLoader<UnavailableCategoryLoader>().LoadAsync(ctx.Source.CategoryId).Then(category => category?.Name));

        Field<CategoryType>("slowCategory")
            .Resolve(ctx => ctx.GetDataLoader<SlowCategoryLoader>().LoadAsync(ctx.Source.CategoryId));

        Field<CategoryType>("projectedCategory")
            .Resolve(ctx => ctx.GetDataLoader<ProjectedCategoryLoader>()
                .LoadAsync(ctx.Source.CategoryId, SelectionShape.FromSubFields(ctx)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Resolve(ctx => ctx.GetDataLoader<ReviewsByProductIdLoader>().LoadAsync(ctx.Source.Id));

        Field<IntGraphType>("reviewCount")
            .Resolve(ctx => ctx.GetDataLoader<ReviewsByProductIdLoader>().LoadAsync(ctx.Source.Id)
                .Then(reviews => reviews.Count));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("projectedReviews")
            .Resolve(ctx => ctx.GetDataLoader<ProjectedReviewsLoader>()
                .LoadAsync(ctx.Source.Id, string.Join(",", SelectionShape.FromSubFields(ctx).Fields)));
    }
}
