using Gateway.Catalog;
using Gateway.EntityFramework.Relay;
using Gateway.Inventory;
using Gateway.Reviews;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static Gateway.Tests.Budgets.NaiveBaseline.NaiveArguments;

namespace Gateway.Tests.Budgets.NaiveBaseline;

internal sealed class NaiveNodeInterface : InterfaceGraphType
{
    public NaiveNodeInterface()
    {
        Name = "Node";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

internal sealed class NaiveProductType : ObjectGraphType<Product>
{
    public NaiveProductType()
    {
        Name = "Product";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Product", c.Source.Id));
        Field(p => p.Sku);
        Field(p => p.Name);
        Field(p => p.Description);
        Field(p => p.Price);
        Field(p => p.Currency);
        Field(p => p.CreatedAt);
        Field<NonNullGraphType<NaiveCategoryType>>("category").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Categories.AsNoTracking().SingleAsync(x => x.Id == c.Source.CategoryId)));
        Field<NonNullGraphType<NaiveRatingType>>("rating").Resolve(c => c.Source);
        Field<NonNullGraphType<NaiveAvailabilityType>>("availability").Resolve(c => c.Source);
        Field<NaiveConnectionType<Review, NaiveReviewType>>("reviews")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after").Argument<ListGraphType<NonNullGraphType<NaiveReviewSortInput>>>("order")
            .ResolveAsync(async c =>
            {
                var (productId, order) = (c.Source.Id, c.GetArgument<object?>("order"));
                return await NaivePage<Review>.LoadAsync(c, db =>
                    Order(order, db.Reviews.AsNoTracking().Where(r => r.ProductId == productId), NaiveReviewType.SortKeys, Key<Review, int>(r => r.Id)));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NaiveProductType>>>>("related")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 4)
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", 4);
                return await NaiveStore.Of(c).QueryAsync(db => db.Products.AsNoTracking()
                    .Where(p => p.CategoryId == c.Source.CategoryId && p.Id != c.Source.Id)
                    .OrderByDescending(p => db.Reviews.Where(r => r.ProductId == p.Id).Average(r => (double?)r.Rating)).ThenBy(p => p.Id)
                    .Take(first).ToListAsync());
            });
        IsTypeOf = value => value is Product;
    }

    public static readonly IReadOnlyDictionary<string, SortKey<Product>> SortKeys = new Dictionary<string, SortKey<Product>>
    {
        ["id"] = Key<Product, int>(p => p.Id),
        ["price"] = Key<Product, decimal>(p => p.Price),
        ["createdAt"] = Key<Product, DateTime>(p => p.CreatedAt),
        ["name"] = Key<Product, string>(p => p.Name),
    };
}

internal sealed class NaiveRatingType : ObjectGraphType<Product>
{
    public NaiveRatingType()
    {
        Name = "Rating";
        Field<FloatGraphType>("average").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Reviews.Where(r => r.ProductId == c.Source.Id).AverageAsync(r => (double?)r.Rating)));
        Field<NonNullGraphType<IntGraphType>>("count").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Reviews.CountAsync(r => r.ProductId == c.Source.Id)));
    }
}

internal sealed class NaiveAvailabilityType : ObjectGraphType<Product>
{
    public NaiveAvailabilityType()
    {
        Name = "Availability";
        Field<NonNullGraphType<BooleanGraphType>>("inStock").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.StockLevels.AnyAsync(s => s.ProductId == c.Source.Id && s.Quantity > 0)));
        Field<NonNullGraphType<IntGraphType>>("quantity").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.StockLevels.Where(s => s.ProductId == c.Source.Id).SumAsync(s => s.Quantity)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NaiveStockLevelType>>>>("warehouses").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.StockLevels.AsNoTracking().Where(s => s.ProductId == c.Source.Id).OrderBy(s => s.WarehouseId).ToListAsync()));
    }
}

internal sealed class NaiveStockLevelType : ObjectGraphType<StockLevel>
{
    public NaiveStockLevelType()
    {
        Name = "StockLevel";
        Field(s => s.Quantity);
        Field<NonNullGraphType<NaiveWarehouseType>>("warehouse").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Warehouses.AsNoTracking().SingleAsync(w => w.Id == c.Source.WarehouseId)));
    }
}

internal sealed class NaiveWarehouseType : ObjectGraphType<Warehouse>
{
    public NaiveWarehouseType()
    {
        Name = "Warehouse";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Warehouse", c.Source.Id));
        Field(w => w.Name);
        Field(w => w.City);
        IsTypeOf = value => value is Warehouse;
    }
}

internal sealed class NaiveCategoryType : ObjectGraphType<Category>
{
    public NaiveCategoryType()
    {
        Name = "Category";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Category", c.Source.Id));
        Field(x => x.Name);
        Field(x => x.Slug);
        Field(x => x.Depth);
        Field<NaiveCategoryType>("parent").ResolveAsync(async c => c.Source.ParentId is not { } parentId ? null
            : await NaiveStore.Of(c).QueryAsync(db => db.Categories.AsNoTracking().SingleAsync(x => x.Id == parentId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NaiveCategoryType>>>>("children").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Categories.AsNoTracking().Where(x => x.ParentId == c.Source.Id).OrderBy(x => x.Id).ToListAsync()));
        Field<NonNullGraphType<IntGraphType>>("productCount").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Products.CountAsync(p => p.CategoryId == c.Source.Id || p.Category.ParentId == c.Source.Id)));
        IsTypeOf = value => value is Category;
    }
}
