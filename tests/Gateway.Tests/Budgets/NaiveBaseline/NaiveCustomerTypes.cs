using Gateway.Customers;
using Gateway.EntityFramework.Relay;
using Gateway.Reviews;
using Gateway.Sales;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static Gateway.Tests.Budgets.NaiveBaseline.NaiveArguments;

namespace Gateway.Tests.Budgets.NaiveBaseline;

internal sealed class NaiveReviewType : ObjectGraphType<Review>
{
    public NaiveReviewType()
    {
        Name = "Review";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Review", c.Source.Id));
        Field(r => r.Rating);
        Field(r => r.Title);
        Field(r => r.Body, nullable: true);
        Field(r => r.CreatedAt);
        Field<NonNullGraphType<NaiveCustomerType>>("author").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Customers.AsNoTracking().SingleAsync(x => x.Id == c.Source.AuthorId)));
        Field<NonNullGraphType<NaiveProductType>>("product").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Products.AsNoTracking().SingleAsync(x => x.Id == c.Source.ProductId)));
        IsTypeOf = value => value is Review;
    }

    public static readonly IReadOnlyDictionary<string, SortKey<Review>> SortKeys = new Dictionary<string, SortKey<Review>>
    {
        ["id"] = Key<Review, int>(r => r.Id),
        ["createdAt"] = Key<Review, DateTime>(r => r.CreatedAt),
    };
}

internal sealed class NaiveCustomerType : ObjectGraphType<Customer>
{
    public NaiveCustomerType()
    {
        Name = "Customer";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Customer", c.Source.Id));
        Field(x => x.Name);
        Field(x => x.Email, nullable: true);
        Field(x => x.MemberSince);
        Field<NaiveConnectionType<Review, NaiveReviewType>>("reviews")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after").Argument<ListGraphType<NonNullGraphType<NaiveReviewSortInput>>>("order")
            .ResolveAsync(async c =>
            {
                var (customerId, order) = (c.Source.Id, c.GetArgument<object?>("order"));
                return await NaivePage<Review>.LoadAsync(c, db =>
                    Order(order, db.Reviews.AsNoTracking().Where(r => r.AuthorId == customerId), NaiveReviewType.SortKeys, Key<Review, int>(r => r.Id)));
            });
        Field<NaiveConnectionType<Order, NaiveOrderType>>("orders")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after").Argument<ListGraphType<NonNullGraphType<NaiveOrderSortInput>>>("order")
            .ResolveAsync(async c =>
            {
                var (customerId, order) = (c.Source.Id, c.GetArgument<object?>("order"));
                return await NaivePage<Order>.LoadAsync(c, db =>
                    Order(order, db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId), NaiveOrderType.SortKeys, Key<Order, int>(o => o.Id)));
            });
        IsTypeOf = value => value is Customer;
    }
}

internal sealed class NaiveOrderStatusType : EnumerationGraphType<OrderStatus>
{
    public NaiveOrderStatusType() => Name = "OrderStatus";
}

internal sealed class NaiveOrderType : ObjectGraphType<Order>
{
    public NaiveOrderType()
    {
        Name = "Order";
        Interface<NaiveNodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Order", c.Source.Id));
        Field<NonNullGraphType<NaiveOrderStatusType>>("status").Resolve(c => c.Source.Status);
        Field(o => o.PlacedAt);
        Field<NonNullGraphType<DecimalGraphType>>("total").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.OrderLines.Where(l => l.OrderId == c.Source.Id).SumAsync(l => l.UnitPrice * l.Quantity)));
        Field<NonNullGraphType<IntGraphType>>("itemCount").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.OrderLines.Where(l => l.OrderId == c.Source.Id).SumAsync(l => l.Quantity)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NaiveOrderLineType>>>>("lines").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.OrderLines.AsNoTracking().Where(l => l.OrderId == c.Source.Id).OrderBy(l => l.Id).ToListAsync()));
        IsTypeOf = value => value is Order;
    }

    public static readonly IReadOnlyDictionary<string, SortKey<Order>> SortKeys = new Dictionary<string, SortKey<Order>>
    {
        ["id"] = Key<Order, int>(o => o.Id),
        ["placedAt"] = Key<Order, DateTime>(o => o.PlacedAt),
    };
}

internal sealed class NaiveOrderLineType : ObjectGraphType<OrderLine>
{
    public NaiveOrderLineType()
    {
        Name = "OrderLine";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("OrderLine", c.Source.Id));
        Field(l => l.Quantity);
        Field(l => l.UnitPrice);
        Field<NonNullGraphType<NaiveProductType>>("product").ResolveAsync(async c =>
            await NaiveStore.Of(c).QueryAsync(db => db.Products.AsNoTracking().SingleAsync(x => x.Id == c.Source.ProductId)));
    }
}
