using System.Security.Claims;
using Gateway.Auth;
using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Customers;

/// <summary>REST endpoints of the Customers module: a customer, and the signed-in customer.</summary>
public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:int}", GetCustomer);
        api.MapGet("/me", GetMe);
        return api;
    }

    /// <summary>A customer; the email only for the customer themself or an admin.</summary>
    public static async Task<Results<Ok<CustomerDto>, NotFound>> GetCustomer(
        int id, ClaimsPrincipal user, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(id, user, store, cancellationToken);
        return customer is null ? TypedResults.NotFound() : TypedResults.Ok(customer);
    }

    /// <summary>The signed-in customer, with the email: 401 for an anonymous caller.</summary>
    public static async Task<Results<Ok<CustomerDto>, UnauthorizedHttpResult, NotFound>> GetMe(
        ClaimsPrincipal user, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        if (CustomerAccess.CustomerIdOf(user) is not { } id)
        {
            return TypedResults.Unauthorized();
        }
        var customer = await FindAsync(id, user, store, cancellationToken);
        return customer is null ? TypedResults.NotFound() : TypedResults.Ok(customer);
    }

    private static async Task<CustomerDto?> FindAsync(
        int id, ClaimsPrincipal user, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var showEmail = CustomerAccess.CanSeePrivateDataOf(user, id);
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        // The email is not even read for a caller who may not see it.
        return await db.Customers.Where(c => c.Id == id)
            .Select(c => new CustomerDto(c.Id, c.Name, showEmail ? c.Email : null, c.MemberSince))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
