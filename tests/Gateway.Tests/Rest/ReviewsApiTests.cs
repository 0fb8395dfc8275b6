using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class ReviewsApiTests(RestApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_products_reviews_page_newest_first_with_the_total()
    {
        await using var db = factory.Store();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProductId == 1).ToListAsync();
        var expected = reviews.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(3).Take(5).ToList();

        var page = await _client.GetOkAsync<Page<ReviewJson>>("/api/products/1/reviews?limit=5&offset=3");

        Assert.Equal(reviews.Count, page.TotalCount);
        Assert.Equal(expected.Select(r => (r.Id, r.AuthorId, r.Rating, r.Title, r.Body)),
            page.Items.Select(r => (r.Id, r.AuthorId, r.Rating, r.Title, r.Body)));
        Assert.All(page.Items, r => Assert.Equal(1, r.ProductId));
    }

    [Fact]
    public async Task A_customers_reviews_are_public_and_newest_first()
    {
        await using var db = factory.Store();
        var authorId = await db.Reviews.GroupBy(r => r.AuthorId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.AuthorId == authorId).ToListAsync();

        var page = await _client.GetOkAsync<Page<ReviewJson>>($"/api/customers/{authorId}/reviews?limit=3");

        Assert.Equal(reviews.Count, page.TotalCount);
        Assert.Equal(reviews.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(3).Select(r => r.Id), page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_rating_is_the_average_and_count_of_the_products_reviews()
    {
        await using var db = factory.Store();
        var ratings = await db.Reviews.Where(r => r.ProductId == 2).Select(r => r.Rating).ToListAsync();

        var rating = await _client.GetOkAsync<RatingJson>("/api/products/2/rating");

        Assert.NotEmpty(ratings);
        Assert.Equal(ratings.Count, rating.Count);
        Assert.Equal(ratings.Average(), rating.Average!.Value, 9);
    }

    [Fact]
    public async Task A_product_without_reviews_has_a_null_average_and_an_empty_page()
    {
        // The seed gives no review to products whose id ends in 7.
        var rating = await _client.GetOkAsync<RatingJson>("/api/products/7/rating");
        var page = await _client.GetOkAsync<Page<ReviewJson>>("/api/products/7/reviews");

        Assert.Equal(new RatingJson(7, null, 0), rating);
        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData("/api/products/999999/reviews")]
    [InlineData("/api/products/999999/rating")]
    [InlineData("/api/customers/999999/reviews")]
    public async Task Reviews_of_an_unknown_parent_are_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
