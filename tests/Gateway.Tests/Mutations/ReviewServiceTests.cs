using Gateway.Tests.Infrastructure;
using Gateway.Testing.PostgreSql;
using Gateway.Errors;
using Gateway.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Mutations;

public class ReviewServiceTests(MutationStore store) : IClassFixture<MutationStore>
{
    private ReviewService Reviews => store.Get<ReviewService>();

    /// <summary>A product that <paramref name="customerId"/> has not reviewed yet (deterministic per seed).</summary>
    private async Task<int> UnreviewedProductAsync(int customerId, int skip = 0)
    {
        await using var db = await store.DbAsync();
        return await db.Products.Where(p => !db.Reviews.Any(r => r.ProductId == p.Id && r.AuthorId == customerId))
            .OrderBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync();
    }

    [StoreFact]
    public async Task Adds_a_trimmed_review_and_announces_it_after_commit()
    {
        var productId = await UnreviewedProductAsync(21);
        using var events = store.Record<ReviewAdded>(ReviewTopics.ReviewsOf(productId));

        var review = await Reviews.AddReviewAsync(21, new AddReviewInput(productId, 4, "  Solid choice  ", "  Works well. "));

        await using var db = await store.DbAsync();
        var stored = await db.Reviews.SingleAsync(r => r.Id == review.Id);
        Assert.Equal((productId, 21, 4, "Solid choice", "Works well."), (stored.ProductId, stored.AuthorId, stored.Rating, stored.Title, stored.Body));
        Assert.InRange(stored.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal([new ReviewAdded(productId, review.Id)], await events.WaitForAsync(1));
    }

    [StoreFact]
    public async Task A_blank_body_is_stored_as_no_body()
    {
        var productId = await UnreviewedProductAsync(22);
        var review = await Reviews.AddReviewAsync(22, new AddReviewInput(productId, 5, "Great", "   "));
        await using var db = await store.DbAsync();
        Assert.Null((await db.Reviews.SingleAsync(r => r.Id == review.Id)).Body);
    }

    [StoreFact]
    public async Task A_second_review_of_the_same_product_is_a_duplicate()
    {
        var productId = await UnreviewedProductAsync(23);
        await Reviews.AddReviewAsync(23, new AddReviewInput(productId, 3, "First", null));

        var error = await Assert.ThrowsAsync<DuplicateReviewException>(() =>
            Reviews.AddReviewAsync(23, new AddReviewInput(productId, 1, "Second", null)));
        Assert.Equal(productId, error.ProductId);
        await using var db = await store.DbAsync();
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.ProductId == productId && r.AuthorId == 23));
    }

    [StoreFact]
    public async Task Concurrent_twins_yield_one_review_and_duplicates_never_a_store_error()
    {
        var productId = await UnreviewedProductAsync(24);
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Reviews.AddReviewAsync(24, new AddReviewInput(productId, 5, $"Twin {i}", null));
                return "added";
            }
            catch (DuplicateReviewException)
            {
                return "duplicate";
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "added"));
        Assert.Equal(7, outcomes.Count(o => o == "duplicate"));
    }

    [StoreFact]
    public async Task An_unknown_product_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ProductNotFoundException>(() =>
            Reviews.AddReviewAsync(25, new AddReviewInput(987654, 5, "Ghost", null)));
        Assert.Equal(987654, error.ProductId);
    }

    [StoreTheory]
    [InlineData(0, "Fine", null, "rating")]
    [InlineData(6, "Fine", null, "rating")]
    [InlineData(3, "   ", null, "title")]
    [InlineData(3, "", null, "title")]
    [InlineData(3, "121", null, "title")]
    [InlineData(3, "Fine", "4001", "body")]
    public async Task Out_of_bounds_input_is_a_validation_error_naming_the_field_and_writes_nothing(
        int rating, string title, string? body, string field)
    {
        // "121" / "4001" stand for texts of that many characters.
        title = title == "121" ? new string('t', 121) : title;
        body = body == "4001" ? new string('b', 4001) : body;
        var productId = await UnreviewedProductAsync(26);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Reviews.AddReviewAsync(26, new AddReviewInput(productId, rating, title, body)));

        Assert.Equal(field, error.Field);
        await using var db = await store.DbAsync();
        Assert.False(await db.Reviews.AnyAsync(r => r.ProductId == productId && r.AuthorId == 26));
    }

    [StoreFact]
    public async Task The_longest_title_and_body_are_accepted()
    {
        var productId = await UnreviewedProductAsync(27);
        var review = await Reviews.AddReviewAsync(27, new AddReviewInput(productId, 1, new string('t', 120), new string('b', 4000)));
        Assert.True(review.Id > 0);
    }

    [StoreFact]
    public async Task Rating_aggregates_always_equal_a_recount_of_the_reviews()
    {
        var productId = await UnreviewedProductAsync(41);
        int countBefore;
        await using (var before = await store.DbAsync())
        {
            countBefore = await before.Products.Where(p => p.Id == productId).Select(p => p.ReviewCount).SingleAsync();
        }

        // Concurrent writers on one product, each customer twice: the duplicates fail and must leave no trace.
        var attempts = Enumerable.Range(41, 6).SelectMany(customer => new[] { customer, customer }).Select(customer => Task.Run(async () =>
        {
            try
            {
                await Reviews.AddReviewAsync(customer, new AddReviewInput(productId, customer % 5 + 1, "Mixed feelings", null));
                return 1;
            }
            catch (DuplicateReviewException)
            {
                return 0;
            }
        }));
        var added = (await Task.WhenAll(attempts)).Sum();

        await using var db = await store.DbAsync();
        Assert.Equal(countBefore + added, await db.Products.Where(p => p.Id == productId).Select(p => p.ReviewCount).SingleAsync());
        // Every product of the store, seeded or written to by any test so far.
        var drifted = await db.Products
            .Where(p => p.ReviewCount != db.Reviews.Count(r => r.ProductId == p.Id)
                || p.RatingSum != db.Reviews.Where(r => r.ProductId == p.Id).Sum(r => r.Rating))
            .Select(p => p.Id).ToListAsync();
        Assert.Empty(drifted);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ReviewServiceTestsOnPostgreSql(PostgreSqlMutationStore store) : ReviewServiceTests(store), IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql;
