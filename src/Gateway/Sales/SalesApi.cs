using System.Security.Claims;
using Gateway.Auth;
using Gateway.Rest;
using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Sales;

/// <summary>
/// REST endpoints of the Sales module: a customer's orders and an order's lines, both private to the
/// customer and admins (401 for an anonymous caller, 403 for another customer).
/// </summary>
public static class SalesApi
{
    public static RouteGroupBuilder MapSalesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:int}/orders", GetCustomerOrders);
        api.MapGet("/orders/{id:int}/lines", GetOrderLines);
        return api;
    }

    /// <summary>A page of the customer's orders, most recently placed first (ties: highest id first).</summary>
    public static async Task<Results<Ok<PageDto<OrderDto>>, UnauthorizedHttpResult, ProblemHttpResult, NotFound, ValidationProblem>> GetCustomerOrders(
        int id, string? limit, string? offset, ClaimsPrincipal user, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        if (!CustomerAccess.IsSignedIn(user))
        {
            return TypedResults.Unauthorized();
        }
        if (!CustomerAccess.CanSeePrivateDataOf(user, id))
        {
            return Forbidden("Orders are visible to their customer and to admins only.");
        }
        var errors = new QueryErrors();
        var page = PageRequest.Parse(limit, offset, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var orders = db.Orders.AsNoTracking().Where(o => o.CustomerId == id)
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Select(o => new OrderDto(
                o.Id, o.CustomerId, StatusName(o.Status), o.PlacedAt,
                o.Lines.Sum(l => l.UnitPrice * l.Quantity), o.Lines.Sum(l => l.Quantity)));
        var result = await page.ToPageAsync(orders, cancellationToken);
        if (result.TotalCount == 0 && !await db.Customers.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(result);
    }

    /// <summary>The order's lines by id (a plain list: an order has a handful).</summary>
    public static async Task<Results<Ok<List<OrderLineDto>>, UnauthorizedHttpResult, ProblemHttpResult, NotFound>> GetOrderLines(
        int id, ClaimsPrincipal user, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        if (!CustomerAccess.IsSignedIn(user))
        {
            return TypedResults.Unauthorized();
        }
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var owner = await db.Orders.Where(o => o.Id == id).Select(o => (int?)o.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }
        if (!CustomerAccess.CanSeePrivateDataOf(user, owner.Value))
        {
            return Forbidden("Order lines are visible to the order's customer and to admins only.");
        }
        return TypedResults.Ok(await db.OrderLines.Where(l => l.OrderId == id).OrderBy(l => l.Id)
            .Select(l => new OrderLineDto(l.Id, l.OrderId, l.ProductId, l.Quantity, l.UnitPrice))
            .ToListAsync(cancellationToken));
    }

    /// <summary>The status as the GraphQL enum value spells it, so both APIs name it alike.</summary>
    internal static string StatusName(OrderStatus status) => status.ToString().ToUpperInvariant();

    // A plain 403 problem rather than ForbidHttpResult, which needs an authentication scheme to challenge with.
    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);
}
