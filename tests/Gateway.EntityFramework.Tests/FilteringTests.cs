using Gateway.Testing.PostgreSql;
using Gateway.EntityFramework.Relay;
using Gateway.EntityFramework.Tests.Model;

namespace Gateway.EntityFramework.Tests;

public class FilteringTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly DateTime _february = new(2020, 2, 1);

    /// <summary>Each case: a where literal and the LINQ-to-objects predicate it must match.</summary>
    public static readonly Dictionary<string, (string Where, Func<Book, bool> Expected)> Cases = new()
    {
        ["string eq"] = ("{ title: { eq: \"Plain Text\" } }", b => b.Title == "Plain Text"),
        ["string neq"] = ("{ title: { neq: \"Plain Text\" } }", b => b.Title != "Plain Text"),
        ["string contains"] = ("{ title: { contains: \"ok 1\" } }", b => b.Title.Contains("ok 1", StringComparison.Ordinal)),
        ["string ncontains"] = ("{ title: { ncontains: \"ok 1\" } }", b => !b.Title.Contains("ok 1", StringComparison.Ordinal)),
        ["string startsWith"] = ("{ title: { startsWith: \"Book 2\" } }", b => b.Title.StartsWith("Book 2", StringComparison.Ordinal)),
        ["string nstartsWith"] = ("{ title: { nstartsWith: \"Book 2\" } }", b => !b.Title.StartsWith("Book 2", StringComparison.Ordinal)),
        ["string endsWith"] = ("{ title: { endsWith: \"5\" } }", b => b.Title.EndsWith('5')),
        ["string nendsWith"] = ("{ title: { nendsWith: \"5\" } }", b => !b.Title.EndsWith('5')),
        ["string in"] = ("{ title: { in: [\"Plain Text\", \"Book 10\", \"Missing\"] } }", b => b.Title is "Plain Text" or "Book 10"),
        ["string nin"] = ("{ title: { nin: [\"Plain Text\", \"Book 10\"] } }", b => b.Title is not ("Plain Text" or "Book 10")),
        ["string eq null"] = ("{ subtitle: { eq: null } }", b => b.Subtitle is null),
        ["string neq null"] = ("{ subtitle: { neq: null } }", b => b.Subtitle is not null),
        ["nullable string neq value"] = ("{ subtitle: { neq: \"Subtitle 1\" } }", b => b.Subtitle != "Subtitle 1"),
        ["int eq"] = ("{ pages: { eq: 211 } }", b => b.Pages == 211),
        ["int neq"] = ("{ pages: { neq: 211 } }", b => b.Pages != 211),
        ["int gt"] = ("{ pages: { gt: 300 } }", b => b.Pages > 300),
        ["int ngt"] = ("{ pages: { ngt: 300 } }", b => !(b.Pages > 300)),
        ["int gte"] = ("{ pages: { gte: 211 } }", b => b.Pages >= 211),
        ["int ngte"] = ("{ pages: { ngte: 211 } }", b => !(b.Pages >= 211)),
        ["int lt"] = ("{ pages: { lt: 200 } }", b => b.Pages < 200),
        ["int nlt"] = ("{ pages: { nlt: 200 } }", b => !(b.Pages < 200)),
        ["int lte"] = ("{ pages: { lte: 211 } }", b => b.Pages <= 211),
        ["int nlte"] = ("{ pages: { nlte: 211 } }", b => !(b.Pages <= 211)),
        ["int in"] = ("{ pages: { in: [211, 137, 1] } }", b => b.Pages is 211 or 137),
        ["int nin"] = ("{ pages: { nin: [211, 137] } }", b => b.Pages is not (211 or 137)),
        ["int range"] = ("{ pages: { gte: 200, lt: 300 } }", b => b.Pages is >= 200 and < 300),
        ["decimal lt"] = ("{ price: { lt: 10 } }", b => b.Price < 10),
        ["decimal gte"] = ("{ price: { gte: 20.99 } }", b => b.Price >= 20.99m),
        ["decimal eq"] = ("{ price: { eq: 12.99 } }", b => b.Price == 12.99m),
        ["float gt"] = ("{ weight: { gt: 1.0 } }", b => b.Weight > 1.0),
        ["float lte"] = ("{ weight: { lte: 0.5 } }", b => b.Weight <= 0.5),
        ["datetime gt"] = ("{ publishedAt: { gt: \"2020-02-01T00:00:00Z\" } }", b => b.PublishedAt > _february),
        ["datetime nlt"] = ("{ publishedAt: { nlt: \"2020-02-01T00:00:00Z\" } }", b => !(b.PublishedAt < _february)),
        ["enum eq"] = ("{ genre: { eq: SCIENCE } }", b => b.Genre == Genre.Science),
        ["enum neq"] = ("{ genre: { neq: SCIENCE } }", b => b.Genre != Genre.Science),
        ["enum in"] = ("{ genre: { in: [FICTION, HISTORY] } }", b => b.Genre is Genre.Fiction or Genre.History),
        ["enum nin"] = ("{ genre: { nin: [FICTION] } }", b => b.Genre != Genre.Fiction),
        ["bool eq"] = ("{ inPrint: { eq: false } }", b => !b.InPrint),
        ["bool neq"] = ("{ inPrint: { neq: false } }", b => b.InPrint),
        ["and list"] = ("{ and: [{ genre: { eq: SCIENCE } }, { inPrint: { eq: true } }] }", b => b.Genre == Genre.Science && b.InPrint),
        ["or list"] = ("{ or: [{ pages: { lt: 150 } }, { genre: { eq: HISTORY } }] }", b => b.Pages < 150 || b.Genre == Genre.History),
        ["or of and"] = ("{ or: [{ pages: { lt: 150 } }, { and: [{ genre: { eq: SCIENCE } }, { inPrint: { eq: false } }] }], title: { startsWith: \"Book\" } }",
            b => (b.Pages < 150 || (b.Genre == Genre.Science && !b.InPrint)) && b.Title.StartsWith("Book", StringComparison.Ordinal)),
        ["nested reference"] = ("{ author: { name: { eq: \"Author C\" } } }", b => b.Author.Name == "Author C"),
        ["two-level reference"] = ("{ author: { publisher: { name: { eq: \"Publisher 2\" } } } }", b => b.Author.Publisher?.Name == "Publisher 2"),
        ["list some"] = ("{ reviews: { some: { stars: { eq: 5 } } } }", b => b.Reviews.Any(r => r.Stars == 5)),
        ["list all"] = ("{ reviews: { all: { stars: { gte: 3 } } } }", b => b.Reviews.All(r => r.Stars >= 3)),
        ["list none"] = ("{ reviews: { none: { stars: { eq: 1 } } } }", b => !b.Reviews.Any(r => r.Stars == 1)),
        ["list any true"] = ("{ chapters: { any: true } }", b => b.Chapters.Count > 0),
        ["list any false"] = ("{ chapters: { any: false } }", b => b.Chapters.Count == 0),
        ["list some nested reference"] = ("{ reviews: { some: { reviewer: { name: { eq: \"Author B\" } }, stars: { gte: 4 } } } }",
            b => b.Reviews.Any(r => r.Reviewer.Name == "Author B" && r.Stars >= 4)),
        ["embedded computed"] = ("{ stats: { count: { gte: 5 } } }", b => b.Reviews.Count >= 5),
        ["embedded nullable average"] = ("{ stats: { average: { gte: 3.5 } } }", b => b.Reviews.Count > 0 && b.Reviews.Average(r => r.Stars) >= 3.5),
        ["literal percent"] = ("{ title: { contains: \"%\" } }", b => b.Title.Contains('%')),
        ["literal underscore"] = ("{ title: { contains: \"_\" } }", b => b.Title.Contains('_')),
        ["literal percent startsWith"] = ("{ title: { startsWith: \"50%\" } }", b => b.Title.StartsWith("50%", StringComparison.Ordinal)),
        ["literal underscore endsWith"] = ("{ title: { endsWith: \"_off\" } }", b => b.Title.EndsWith("_off", StringComparison.Ordinal)),
        ["literal underscore startsWith"] = ("{ title: { startsWith: \"Under_\" } }", b => b.Title.StartsWith("Under_", StringComparison.Ordinal)),
        ["literal backslash"] = ("{ title: { contains: \"\\\\\" } }", b => b.Title.Contains('\\')),
        ["empty filter"] = ("{ }", _ => true),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [StoreTheory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_matches_linq_to_objects(string name)
    {
        var (where, expected) = Cases[name];
        var result = (await fixture.ExecuteAsync($"{{ allBooks(where: {where}, order: [{{ id: ASC }}]) {{ isbn }} }}")).AssertNoErrors();

        var expectedIsbns = LibraryData.Books(fixture).Where(expected).OrderBy(b => b.Id).Select(b => b.Isbn).ToList();
        Assert.Equal(expectedIsbns, LibraryData.Strings(result.Data.GetProperty("allBooks"), "isbn"));
        Assert.Single(result.Sql.Statements);
    }

    [StoreFact]
    public void Cases_select_proper_subsets()
    {
        var books = LibraryData.Books(fixture);
        var trivial = Cases.Where(c => c.Key != "empty filter")
            .Where(c => books.Count(c.Value.Expected) is 0 || books.All(c.Value.Expected))
            .Select(c => c.Key).ToList();
        Assert.Empty(trivial);
    }

    [StoreTheory]
    [InlineData("startsWith")]
    [InlineData("endsWith")]
    public async Task Affix_matches_are_case_sensitive_like_eq_and_contains(string operation)
    {
        // SQLite's LIKE ignores ASCII case; eq and contains (instr) do not, so neither may startsWith and endsWith.
        var title = LibraryData.Books(fixture).OrderBy(b => b.Id).First().Title;
        var affix = operation == "startsWith" ? title[..4] : title[^4..];
        var swapped = new string(affix.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        Assert.NotEqual(affix, swapped);

        var exact = (await fixture.ExecuteAsync($"{{ allBooks(where: {{ title: {{ {operation}: \"{affix}\" }} }}) {{ title }} }}")).AssertNoErrors();
        var otherCase = (await fixture.ExecuteAsync($"{{ allBooks(where: {{ title: {{ {operation}: \"{swapped}\" }} }}) {{ title }} }}")).AssertNoErrors();

        Assert.Contains(title, LibraryData.Strings(exact.Data.GetProperty("allBooks"), "title"));
        Assert.DoesNotContain(title, LibraryData.Strings(otherCase.Data.GetProperty("allBooks"), "title"));
    }

    [StoreFact]
    public async Task Filter_by_global_id_decodes_ids_and_ignores_ids_of_other_types()
    {
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).ToList();
        var ids = $"\"{GlobalId.Encode("Book", books[0].Id)}\", \"{GlobalId.Encode("Book", books[3].Id)}\", \"{GlobalId.Encode("Author", books[5].Id)}\"";
        var result = (await fixture.ExecuteAsync($"{{ allBooks(where: {{ id: {{ in: [{ids}] }} }}) {{ isbn }} }}")).AssertNoErrors();
        Assert.Equal([books[0].Isbn, books[3].Isbn], LibraryData.Strings(result.Data.GetProperty("allBooks"), "isbn"));

        var single = (await fixture.ExecuteAsync($"{{ allBooks(where: {{ id: {{ eq: \"{GlobalId.Encode("Book", books[2].Id)}\" }} }}) {{ isbn }} }}")).AssertNoErrors();
        Assert.Equal([books[2].Isbn], LibraryData.Strings(single.Data.GetProperty("allBooks"), "isbn"));
    }

    [StoreFact]
    public async Task Malformed_global_id_in_a_filter_is_a_field_error()
    {
        var result = await fixture.ExecuteAsync("{ allBooks(where: { id: { eq: \"not-an-id\" } }) { isbn } }");
        Assert.Equal(["INVALID_ID"], result.ErrorCodes);
    }

    [StoreFact]
    public async Task Filter_values_travel_as_sql_parameters_and_text_matching_is_literal()
    {
        var result = (await fixture.ExecuteAsync("{ allBooks(where: { title: { contains: \"%\" }, isbn: { startsWith: \"ISBN_\" } }) { isbn } }")).AssertNoErrors();
        var sql = Assert.Single(result.Sql.Statements);
        Assert.DoesNotContain("'%'", sql);
        Assert.Contains("LIKE @", sql);
        if (!fixture.OnPostgreSql)
        {
            // SQLite: contains is instr (no pattern at all), startsWith a LIKE with an explicit ESCAPE. Npgsql puts both
            // into LIKE parameters escaped with backslashes, LIKE's default escape character on PostgreSQL.
            Assert.Contains("instr(", sql);
            Assert.Contains("ESCAPE", sql);
        }
        Assert.Empty(result.Data.GetProperty("allBooks").EnumerateArray());
    }

    [StoreFact]
    public async Task In_list_longer_than_the_maximum_is_a_field_error()
    {
        var result = await fixture.ExecuteAsync("{ allBooks(where: { pages: { in: [1, 2, 3, 4, 5, 6] } }) { isbn } }");
        Assert.Equal(["FILTER_LIST_TOO_LONG"], result.ErrorCodes);
        Assert.Empty(result.Sql.Statements);
    }

    [StoreFact]
    public async Task Filter_on_nested_list_argument_filters_the_nested_rows()
    {
        var result = (await fixture.ExecuteAsync("""
            { allBooks(where: { chapters: { any: true } }, order: [{ id: ASC }]) { isbn chapters(where: { number: { gte: 2 } }, order: [{ number: DESC }]) { number } } }
            """)).AssertNoErrors();
        var expected = LibraryData.Books(fixture).Where(b => b.Chapters.Count > 0).OrderBy(b => b.Id)
            .Select(b => string.Join(",", b.Chapters.Where(c => c.Number >= 2).OrderByDescending(c => c.Number).Select(c => c.Number))).ToList();
        var actual = result.Data.GetProperty("allBooks").EnumerateArray()
            .Select(b => string.Join(",", b.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()))).ToList();
        Assert.Equal(expected, actual);
        Assert.Single(result.Sql.Statements);
    }

    [StoreFact]
    public async Task Filters_and_sorts_take_variables_whole_or_inside_literals()
    {
        var result = (await fixture.ExecuteAsync("""
            query($where: BookFilterInput, $order: [BookSortInput!], $max: Decimal!, $author: String!) {
              whole: allBooks(where: $where, order: $order) { isbn }
              inside: allBooks(where: { price: { lte: $max }, author: { name: { eq: $author } } }, order: [{ price: DESC }]) { isbn }
            }
            """, new
        {
            where = new { genre = new { eq = "HISTORY" }, reviews = new { some = new { stars = new { gte = 4 } } } },
            order = new[] { new { pages = "DESC" } },
            max = 15.5m,
            author = "Author D",
        })).AssertNoErrors();
        var books = LibraryData.Books(fixture);
        Assert.NotEmpty(result.Data.GetProperty("whole").EnumerateArray());
        Assert.NotEmpty(result.Data.GetProperty("inside").EnumerateArray());
        Assert.Equal(
            books.Where(b => b.Genre == Genre.History && b.Reviews.Any(r => r.Stars >= 4)).OrderByDescending(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Isbn),
            LibraryData.Strings(result.Data.GetProperty("whole"), "isbn"));
        Assert.Equal(
            books.Where(b => b.Price <= 15.5m && b.Author.Name == "Author D").OrderByDescending(b => b.Price).ThenBy(b => b.Id).Select(b => b.Isbn),
            LibraryData.Strings(result.Data.GetProperty("inside"), "isbn"));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class FilteringTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : FilteringTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
