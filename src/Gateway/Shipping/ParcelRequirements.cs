using System.Linq.Expressions;
using Gateway.Catalog;
using Gateway.EntityFramework.Types;
using Gateway.Inventory;
using Gateway.Sales;

namespace Gateway.Shipping;

/// <summary>
/// What the shipping service needs of a parent, as one SQL expression the query engine projects with the parent's
/// other columns (no statement of its own): the weight, then the warehouses holding stock as a bit set (bit n:
/// warehouse n), <c>"{grams}|{bits}"</c>. One scalar built from scalar subqueries, because the key must also project
/// inside a nested page (related products) and as a correlated subquery, where SQLite has no APPLY: a
/// <c>string.Join</c> of the warehouse ids would need one. The bit set holds warehouse ids 1 to 52 (powers of two exact in a double: SQL has pow, EF Core translates no shift).
/// </summary>
public static class ParcelRequirements
{
    public static readonly Expression<Func<Product, string>> OfProduct = p =>
        p.WeightGrams.ToString() + "|"
        + Related<StockLevel>.Of(p, s => s.ProductId).Where(s => s.Quantity > 0).Sum(s => (long)Math.Pow(2, s.WarehouseId)).ToString();

    /// <summary>An order ships as one parcel of its lines' weight, from the quickest warehouse holding any of its products.</summary>
    public static readonly Expression<Func<Order, string>> OfOrder = o =>
        o.Lines.Sum(l => l.Quantity * l.Product.WeightGrams).ToString() + "|"
        // Distinct first: two lines stocked in one warehouse must not add its bit twice.
        + o.Lines.SelectMany(l => Related<StockLevel>.Of(l.Product, s => s.ProductId)).Where(s => s.Quantity > 0).Select(s => s.WarehouseId).Distinct()
            .Sum(id => (long)Math.Pow(2, id)).ToString();
}
