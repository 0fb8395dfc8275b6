using Gateway.Catalog;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static Gateway.Tests.Budgets.NaiveBaseline.NaiveArguments;

namespace Gateway.Tests.Budgets.NaiveBaseline;

/// <summary>
/// The "before" of the performance comparison: a resolver per field over the same store, with no projection, no
/// batching and no DataLoader. Root lists filter and page in SQL; every relation, count and computed field of every
/// row runs its own query (the N+1 shape). It answers the four screens as written, and nothing more.
/// </summary>
internal sealed class NaiveSchema : GraphQL.Types.Schema
{
    public NaiveSchema()
    {
        Query = new NaiveQueryType();
        RegisterType(typeof(NaiveProductType));
        RegisterType(typeof(NaiveReviewType));
        RegisterType(typeof(NaiveCustomerType));
        RegisterType(typeof(NaiveCategoryType));
        RegisterType(typeof(NaiveOrderType));
        RegisterType(typeof(NaiveWarehouseType));
    }
}

internal sealed class NaiveQueryType : ObjectGraphType
{
    public NaiveQueryType()
    {
        Name = "Query";
        Field<NaiveNodeInterface>("node").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await LoadNodeAsync(NaiveStore.Of(c), c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NaiveNodeInterface>>>("nodes").Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async c =>
            {
                var nodes = new List<object?>();
                foreach (var id in c.GetArgument<List<string>>("ids"))
                {
                    nodes.Add(await LoadNodeAsync(NaiveStore.Of(c), id));
                }
                return nodes;
            });
        Field<NaiveConnectionType<Product, NaiveProductType>>("products")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<NaiveProductFilterInput>("where").Argument<ListGraphType<NonNullGraphType<NaiveProductSortInput>>>("order")
            .ResolveAsync(async c =>
            {
                var (where, order) = (Input(c.GetArgument<object?>("where")), c.GetArgument<object?>("order"));
                return await NaivePage<Product>.LoadAsync(c, db => Order(order, Filter(db, where), NaiveProductType.SortKeys, Key<Product, int>(p => p.Id)));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NaiveCategoryType>>>>("categories")
            .Argument<NaiveCategoryFilterInput>("where").Argument<ListGraphType<NonNullGraphType<NaiveCategorySortInput>>>("order")
            .ResolveAsync(async c =>
            {
                var depth = Input(Get(Input(c.GetArgument<object?>("where")), "depth")).TryGetValue("eq", out var eq) ? (int?)eq : null;
                var keys = new Dictionary<string, SortKey<Category>> { ["name"] = Key<Category, string>(x => x.Name) };
                return await NaiveStore.Of(c).QueryAsync(db =>
                    Order(c.GetArgument<object?>("order"), db.Categories.AsNoTracking().Where(x => depth == null || x.Depth == depth), keys, Key<Category, int>(x => x.Id)).ToListAsync());
            });
        Field<NaiveCategoryType>("category").Argument<NonNullGraphType<StringGraphType>>("slug").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Categories.AsNoTracking().SingleOrDefaultAsync(x => x.Slug == c.GetArgument<string>("slug"))));
        Field<NaiveCustomerType>("viewer").ResolveAsync(async c => NaiveStore.Of(c).ViewerId is not { } id ? null
            : await NaiveStore.Of(c).QueryAsync(db => db.Customers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id)));
    }

    private static IQueryable<Product> Filter(StoreDbContext db, IDictionary<string, object?> where)
    {
        var products = db.Products.AsNoTracking();
        if (Input(Get(Input(Get(where, "category")), "slug")).TryGetValue("eq", out var slug) && slug is string s)
        {
            products = products.Where(p => p.Category.Slug == s);
        }
        var price = Input(Get(where, "price"));
        if (price.TryGetValue("lte", out var lte) && lte is decimal maxInclusive)
        {
            products = products.Where(p => p.Price <= maxInclusive);
        }
        if (price.TryGetValue("lt", out var lt) && lt is decimal maxExclusive)
        {
            products = products.Where(p => p.Price < maxExclusive);
        }
        if (Input(Get(Input(Get(Input(Get(where, "reviews")), "some")), "rating")).TryGetValue("gte", out var gte) && gte is int minRating)
        {
            products = products.Where(p => db.Reviews.Any(r => r.ProductId == p.Id && r.Rating >= minRating));
        }
        return products;
    }

    private static async Task<object?> LoadNodeAsync(NaiveStore store, string id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var text) || !int.TryParse(text, out var key))
        {
            return null;
        }
        return type switch
        {
            "Product" => await store.QueryAsync(db => db.Products.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            "Review" => await store.QueryAsync(db => db.Reviews.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            "Customer" => await store.QueryAsync(db => db.Customers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            "Category" => await store.QueryAsync(db => db.Categories.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            "Order" => await store.QueryAsync(db => db.Orders.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            "Warehouse" => await store.QueryAsync(db => db.Warehouses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == key)),
            _ => null,
        };
    }
}
