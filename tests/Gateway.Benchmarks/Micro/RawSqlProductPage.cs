using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// The ProductPage written by hand: one batch of raw SQL through Dapper on Microsoft.Data.Sqlite, written straight
/// to the same JSON the gateway answers (same fields, order, ids, cursor), reading the same store as well as a hand
/// would: money in cents, the product's kept rating aggregates. The floor the gateway's overhead is measured against.
/// </summary>
internal sealed class RawSqlProductPage(string connectionString)
{
    private const string Sql = """
        SELECT p."Id", p."Sku", p."Name", p."Description", p."PriceCents" AS Price, p."Currency", c."Id" AS CategoryId, c."Name" AS CategoryName,
               c."Slug" AS CategorySlug, pc."Id" AS ParentId, pc."Name" AS ParentName, pc."Slug" AS ParentSlug
        FROM "Products" p JOIN "Categories" c ON c."Id" = p."CategoryId" LEFT JOIN "Categories" pc ON pc."Id" = c."ParentId"
        WHERE p."Id" = @id;
        SELECT CASE WHEN "ReviewCount" = 0 THEN NULL ELSE CAST("RatingSum" AS REAL) / "ReviewCount" END AS Average,
               "ReviewCount" AS Count FROM "Products" WHERE "Id" = @id;
        SELECT s."Quantity", w."Id", w."Name", w."City"
        FROM "StockLevels" s JOIN "Warehouses" w ON w."Id" = s."WarehouseId" WHERE s."ProductId" = @id ORDER BY w."Id";
        SELECT r."Id", r."Rating", r."Title", r."Body", r."CreatedAt", a."Id" AS AuthorId, a."Name" AS AuthorName
        FROM "Reviews" r JOIN "Customers" a ON a."Id" = r."AuthorId" WHERE r."ProductId" = @id
        ORDER BY r."CreatedAt" DESC, r."Id" DESC LIMIT @reviewsPlusOne;
        SELECT p."Id", p."Name", p."PriceCents" AS Price, CASE WHEN p."ReviewCount" = 0 THEN NULL ELSE CAST(p."RatingSum" AS REAL) / p."ReviewCount" END AS Average
        FROM "Products" p WHERE p."CategoryId" = (SELECT "CategoryId" FROM "Products" WHERE "Id" = @id) AND p."Id" <> @id
        ORDER BY Average IS NULL, Average DESC, p."Id" LIMIT @related;
        """;

    private const int ReviewCount = 5;
    private const int RelatedCount = 4;
    private const string ReviewsCursorOrder = "createdAt:DESC,id:DESC";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<string> FetchAsync(int productId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var results = await connection.QueryMultipleAsync(Sql, new { id = productId, reviewsPlusOne = ReviewCount + 1, related = RelatedCount });
        var product = await results.ReadSingleOrDefaultAsync<ProductRow>();
        var rating = await results.ReadSingleAsync<RatingRow>();
        var stock = (await results.ReadAsync<StockRow>()).ToList();
        var reviews = (await results.ReadAsync<ReviewRow>()).ToList();
        var related = (await results.ReadAsync<RelatedRow>()).ToList();

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            if (product is null)
            {
                json.WriteNull("product");
            }
            else
            {
                WriteProduct(json, product, rating, stock, reviews, related);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteProduct(Utf8JsonWriter json, ProductRow p, RatingRow rating, List<StockRow> stock, List<ReviewRow> reviews, List<RelatedRow> related)
    {
        json.WriteStartObject("product");
        json.WriteString("__typename", "Product");
        json.WriteString("id", Id("Product", p.Id));
        json.WriteString("sku", p.Sku);
        json.WriteString("name", p.Name);
        json.WriteString("description", p.Description);
        json.WriteNumber("price", Money(p.Price));
        json.WriteString("currency", p.Currency);
        json.WriteStartObject("category");
        json.WriteString("id", Id("Category", p.CategoryId));
        json.WriteString("name", p.CategoryName);
        json.WriteString("slug", p.CategorySlug);
        if (p.ParentId is { } parentId)
        {
            json.WriteStartObject("parent");
            json.WriteString("id", Id("Category", parentId));
            json.WriteString("name", p.ParentName);
            json.WriteString("slug", p.ParentSlug);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("parent");
        }
        json.WriteEndObject();
        json.WriteStartObject("rating");
        WriteAverage(json, rating.Average);
        json.WriteNumber("count", rating.Count);
        json.WriteEndObject();
        json.WriteStartObject("availability");
        var quantity = stock.Sum(s => s.Quantity);
        json.WriteBoolean("inStock", quantity > 0);
        json.WriteNumber("quantity", quantity);
        json.WriteStartArray("warehouses");
        foreach (var s in stock)
        {
            json.WriteStartObject();
            json.WriteNumber("quantity", s.Quantity);
            json.WriteStartObject("warehouse");
            json.WriteString("id", Id("Warehouse", s.Id));
            json.WriteString("name", s.Name);
            json.WriteString("city", s.City);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        WriteReviews(json, rating.Count, reviews);
        json.WriteStartArray("related");
        foreach (var r in related)
        {
            json.WriteStartObject();
            json.WriteString("id", Id("Product", r.Id));
            json.WriteString("name", r.Name);
            json.WriteNumber("price", Money(r.Price));
            json.WriteStartObject("rating");
            WriteAverage(json, r.Average);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteReviews(Utf8JsonWriter json, long totalCount, List<ReviewRow> reviews)
    {
        var page = reviews.Take(ReviewCount).ToList();
        json.WriteStartObject("reviews");
        json.WriteNumber("totalCount", totalCount);
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", reviews.Count > ReviewCount);
        if (page.Count > 0)
        {
            var last = page[^1];
            // The engine's keyset cursor: base64 of {"O": sort signature, "K": [sort keys..., primary key]}.
            json.WriteString("endCursor", Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(
                new { O = ReviewsCursorOrder, K = new object[] { Instant(last.CreatedAt), last.Id } })));
        }
        else
        {
            json.WriteNull("endCursor");
        }
        json.WriteEndObject();
        json.WriteStartArray("nodes");
        foreach (var r in page)
        {
            json.WriteStartObject();
            json.WriteString("id", Id("Review", r.Id));
            json.WriteNumber("rating", r.Rating);
            json.WriteString("title", r.Title);
            if (r.Body is null)
            {
                json.WriteNull("body");
            }
            else
            {
                json.WriteString("body", r.Body);
            }
            json.WriteString("createdAt", Instant(r.CreatedAt));
            json.WriteStartObject("author");
            json.WriteString("id", Id("Customer", r.AuthorId));
            json.WriteString("name", r.AuthorName);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAverage(Utf8JsonWriter json, double? average)
    {
        if (average is { } value)
        {
            json.WriteNumber("average", value);
        }
        else
        {
            json.WriteNull("average");
        }
    }

    private static string Id(string type, long key) => Screens.GlobalIds.Encode(type, checked((int)key));

    // The store keeps money as integer cents and instants as UTC text.
    private static decimal Money(long cents) => cents / 100m;

    private static DateTime Instant(string value) =>
        DateTime.SpecifyKind(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);

    private sealed record ProductRow(long Id, string Sku, string Name, string Description, long Price, string Currency,
        long CategoryId, string CategoryName, string CategorySlug, long? ParentId, string? ParentName, string? ParentSlug);

    private sealed record RatingRow(double? Average, long Count);

    private sealed record StockRow(long Quantity, long Id, string Name, string City);

    private sealed record ReviewRow(long Id, long Rating, string Title, string? Body, string CreatedAt, long AuthorId, string AuthorName);

    private sealed record RelatedRow(long Id, string Name, long Price, double? Average);
}
