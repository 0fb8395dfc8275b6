using System.Linq.Expressions;
using System.Security.Claims;
using Gateway.Auth;

namespace Gateway.Sales;

/// <summary>
/// The row rules of orders and their lines: a customer sees their own, an admin every one, an anonymous caller none.
/// Declared on <see cref="OrderType"/> and <see cref="OrderLineType"/>, the engine puts them in the SQL of every path
/// to an order or a line, so a new field over orders needs no guard of its own.
/// </summary>
internal static class OrderVisibility
{
    public static Expression<Func<Order, bool>>? Orders(ClaimsPrincipal? user) =>
        CustomerAccess.OwnRowsOf<Order>(user, o => o.CustomerId);

    public static Expression<Func<OrderLine, bool>>? Lines(ClaimsPrincipal? user) =>
        CustomerAccess.OwnRowsOf<OrderLine>(user, l => l.Order.CustomerId);
}
