using System.Linq.Expressions;
using Gateway.Rest;
using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Reviews;

/// <summary>REST endpoints of the Reviews module: a product's reviews and rating, a customer's reviews.</summary>
public static class ReviewsApi
{
    private static readonly Expression<Func<Review, ReviewDto>> ToDto = r =>
        new ReviewDto(r.Id, r.ProductId, r.AuthorId, r.Rating, r.Title, r.Body, r.CreatedAt);

    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{id:int}/reviews", GetProductReviews);
        api.MapGet("/products/{id:int}/rating", GetProductRating);
        api.MapGet("/customers/{id:int}/reviews", GetCustomerReviews);
        return api;
    }

    /// <summary>A page of the product's reviews, newest first (ties: highest id first).</summary>
    public static async Task<Results<Ok<PageDto<ReviewDto>>, NotFound, ValidationProblem>> GetProductReviews(
        int id, string? limit, string? offset, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var page = PageRequest.Parse(limit, offset, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var result = await page.ToPageAsync(Newest(db.Reviews.Where(r => r.ProductId == id)), cancellationToken);
        if (result.TotalCount == 0 && !await db.Products.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(result);
    }

    /// <summary>A page of the customer's reviews, newest first (ties: highest id first). Reviews are public.</summary>
    public static async Task<Results<Ok<PageDto<ReviewDto>>, NotFound, ValidationProblem>> GetCustomerReviews(
        int id, string? limit, string? offset, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var page = PageRequest.Parse(limit, offset, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var result = await page.ToPageAsync(Newest(db.Reviews.Where(r => r.AuthorId == id)), cancellationToken);
        if (result.TotalCount == 0 && !await db.Customers.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(result);
    }

    /// <summary>The product's average rating (null without reviews) and review count, in one statement.</summary>
    public static async Task<Results<Ok<RatingDto>, NotFound>> GetProductRating(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var rating = await db.Products.Where(p => p.Id == id)
            .Select(p => new RatingDto(p.Id, db.Reviews.Where(r => r.ProductId == p.Id).Average(r => (double?)r.Rating), db.Reviews.Count(r => r.ProductId == p.Id)))
            .SingleOrDefaultAsync(cancellationToken);
        return rating is null ? TypedResults.NotFound() : TypedResults.Ok(rating);
    }

    private static IQueryable<ReviewDto> Newest(IQueryable<Review> reviews) =>
        reviews.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(ToDto);
}
