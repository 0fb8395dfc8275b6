using Gateway.Errors;
using Gateway.Messaging;
using Gateway.Store;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Reviews;

/// <summary>Writes reviews: one per customer and product, validated, announced on the event bus once committed.</summary>
public sealed class ReviewService(IDbContextFactory<StoreDbContext> contextFactory, ITopicEventBus events, TimeProvider time)
{
    public const int MaxTitleLength = 120;
    public const int MaxBodyLength = 4000;

    /// <summary>Adds <paramref name="authorId"/>'s review; throws a <see cref="DomainException"/> for each broken rule.</summary>
    public async Task<Review> AddReviewAsync(int authorId, AddReviewInput input, CancellationToken cancellationToken = default)
    {
        var review = Validate(authorId, input);
        await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            // One transaction for the review and its product's rating aggregates: they can never disagree.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
            {
                throw new ProductNotFoundException(input.ProductId);
            }
            if (await db.Reviews.AnyAsync(r => r.ProductId == input.ProductId && r.AuthorId == authorId, ct))
            {
                throw new DuplicateReviewException(input.ProductId);
            }
            review.Id = 0;
            review.CreatedAt = time.GetUtcNow().UtcDateTime;
            db.Reviews.Add(review);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            // The check above and the insert are not atomic: a concurrent twin lands first and the unique index refuses ours.
            catch (DbUpdateException exception) when (TransientStoreErrors.IsUniqueViolation(exception))
            {
                throw new DuplicateReviewException(input.ProductId);
            }
            catch (DbUpdateException exception) when (TransientStoreErrors.IsForeignKeyViolation(exception))
            {
                throw new ProductNotFoundException(input.ProductId);
            }
            await db.Products.Where(p => p.Id == review.ProductId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ReviewCount, p => p.ReviewCount + 1)
                .SetProperty(p => p.RatingSum, p => p.RatingSum + review.Rating), ct);
            await transaction.CommitAsync(ct);
            return review.Id;
        }, cancellationToken);
        // Committed: a client that hangs up now must not turn the success into an error, so no cancellation here.
        await events.PublishAsync(ReviewTopics.ReviewsOf(review.ProductId), new ReviewAdded(review.ProductId, review.Id), CancellationToken.None);
        return review;
    }

    private static Review Validate(int authorId, AddReviewInput input)
    {
        if (input.Rating is < 1 or > 5)
        {
            throw new ValidationException("rating", "The rating must be between 1 and 5 stars.");
        }
        var title = input.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > MaxTitleLength)
        {
            throw new ValidationException("title", $"The title must have 1 to {MaxTitleLength} characters.");
        }
        var body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Trim();
        if (body?.Length > MaxBodyLength)
        {
            throw new ValidationException("body", $"The review text must have at most {MaxBodyLength} characters.");
        }
        return new Review { ProductId = input.ProductId, AuthorId = authorId, Rating = input.Rating, Title = title, Body = body };
    }
}
