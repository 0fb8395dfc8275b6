using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Gateway.EntityFramework.Relay;
using Gateway.EntityFramework.Tests.Model;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>The mutation convention on the test library's own mutations (<see cref="LibraryMutations"/>).</summary>
public class MutationConventionTests(MutationFixture fixture) : IClassFixture<MutationFixture>
{
    private const string AddReview = """
        mutation($input: AddReviewInput!) {
          addReview(input: $input) {
            review { stars text book { isbn } reviewer { name } }
            errors { __typename ... on Error { message } ... on BookNotFoundError { bookId }
                     ... on OutOfPrintError { bookId bookTitle } ... on ValidationError { field } }
          }
        }
        """;

    private const string AddChapters = """
        mutation($input: AddChaptersInput!) {
          addChapters(input: $input) {
            book { isbn chapters(order: [{ number: ASC }]) { number title } }
            errors { __typename ... on Error { message } ... on ValidationError { field } }
          }
        }
        """;

    private string Sdl => fixture.Services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n");

    private Book BookWhere(Func<Book, bool> predicate) => LibraryData.Books(fixture).OrderBy(b => b.Id).First(predicate);

    private static string BookId(int id) => GlobalId.Encode("Book", id);

    private static string AuthorId(int id) => GlobalId.Encode("Author", id);

    private static JsonElement Payload(GraphResult result, string field) => result.AssertNoErrors().Data.GetProperty(field);

    private static JsonElement OnlyError(JsonElement payload)
    {
        Assert.Equal(JsonValueKind.Null, payload.EnumerateObject().First().Value.ValueKind);
        return Assert.Single(payload.GetProperty("errors").EnumerateArray());
    }

    [StoreFact]
    public void The_input_payload_and_error_union_are_generated_from_the_declaration()
    {
        var sdl = Sdl;
        Assert.Contains("""
              "Reviews a book in print."
              addReview(input: AddReviewInput!): AddReviewPayload! @cost(weight: "10")
            """, sdl);
        Assert.Contains("""
            type AddReviewPayload {
              "The review, or null when the mutation failed."
              review: Review
              "Why nothing was written, or null on success."
              errors: [AddReviewError!] @listSize(assumedSize: 10)
            }
            """, sdl);
        Assert.Contains("union AddReviewError = BookNotFoundError | OutOfPrintError | ValidationError\n", sdl);
        Assert.Contains("""
            input AddReviewInput {
              bookId: ID!
              reviewerId: ID!
              "1 to 5 stars."
              stars: Int!
              text: String
            }
            """, sdl);
        Assert.Contains("union ArchiveBookError = ValidationError\n", sdl);
    }

    [StoreFact]
    public void Error_types_come_from_the_exceptions_and_implement_error()
    {
        var sdl = Sdl;
        Assert.Contains("""
            "Out-of-print books take no new reviews."
            type OutOfPrintError implements Error {
              "What went wrong, for the end user."
              message: String!
              bookId: ID!
              "The title, as printed."
              bookTitle: String!
            }
            """, sdl);
        Assert.Contains("""
            type ValidationError implements Error {
              "What went wrong, for the end user."
              message: String!
              "The input field, as the client named it."
              field: String!
            }
            """, sdl);
        Assert.Contains("""
            interface Error {
              "What went wrong, for the end user."
              message: String!
            }
            """, sdl);
    }

    [StoreFact]
    public void Nested_records_and_lists_are_input_types_of_their_own()
    {
        var sdl = Sdl;
        Assert.Contains("""
            input AddChaptersInput {
              bookId: ID!
              "Appended after the book's last chapter."
              chapters: [NewChapterInput!]!
            }
            """, sdl);
        Assert.Contains("input NewChapterInput {\n  number: Int!\n  title: String!\n  genre: Genre\n}", sdl);
    }

    [StoreFact]
    public async Task A_mutation_returns_what_it_wrote_projected_through_the_engine()
    {
        var book = BookWhere(b => b.InPrint);
        var result = await fixture.ExecuteAsync(AddReview, new { input = new { bookId = BookId(book.Id), reviewerId = AuthorId(book.AuthorId), stars = 4, text = "Gripping." } });

        var payload = Payload(result, "addReview");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        var review = payload.GetProperty("review");
        Assert.Equal((4, "Gripping.", book.Isbn), (review.GetProperty("stars").GetInt32(), review.GetProperty("text").GetString(), review.GetProperty("book").GetProperty("isbn").GetString()));
        Assert.Equal(book.Author.Name, review.GetProperty("reviewer").GetProperty("name").GetString());
    }

    [StoreFact]
    public async Task Declared_exceptions_are_payload_errors_with_their_fields()
    {
        var outOfPrint = BookWhere(b => !b.InPrint);
        var missing = await fixture.ExecuteAsync(AddReview, new { input = new { bookId = BookId(424242), reviewerId = AuthorId(1), stars = 3, text = (string?)null } });
        var refused = await fixture.ExecuteAsync(AddReview, new { input = new { bookId = BookId(outOfPrint.Id), reviewerId = AuthorId(1), stars = 3, text = (string?)null } });

        var notFound = OnlyError(Payload(missing, "addReview"));
        Assert.Equal(("BookNotFoundError", "No such book.", BookId(424242)),
            (notFound.GetProperty("__typename").GetString(), notFound.GetProperty("message").GetString(), notFound.GetProperty("bookId").GetString()));
        var printed = OnlyError(Payload(refused, "addReview"));
        Assert.Equal(("OutOfPrintError", BookId(outOfPrint.Id), outOfPrint.Title),
            (printed.GetProperty("__typename").GetString(), printed.GetProperty("bookId").GetString(), printed.GetProperty("bookTitle").GetString()));
    }

    [StoreTheory]
    [InlineData("not-an-id")]
    [InlineData("QXV0aG9yOjE=")] // Author:1, a well-formed id of another type
    public async Task A_malformed_or_foreign_global_id_is_a_validation_error_on_its_field(string bookId)
    {
        var result = await fixture.ExecuteAsync(AddReview, new { input = new { bookId, reviewerId = AuthorId(1), stars = 3, text = (string?)null } });

        var error = OnlyError(Payload(result, "addReview"));
        Assert.Equal(("ValidationError", "bookId"), (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString()));
        Assert.Equal($"'{bookId}' is not a valid Book id.", error.GetProperty("message").GetString());
    }

    [StoreFact]
    public async Task A_failed_validation_attribute_is_a_validation_error_named_as_the_client_named_the_field()
    {
        var book = BookWhere(b => b.InPrint);
        var before = LibraryData.Books(fixture).Single(b => b.Id == book.Id).Reviews.Count;

        var result = await fixture.ExecuteAsync(AddReview, new { input = new { bookId = BookId(book.Id), reviewerId = AuthorId(1), stars = 6, text = (string?)null } });

        var error = OnlyError(Payload(result, "addReview"));
        Assert.Equal(("ValidationError", "stars", "The field stars must be between 1 and 5."),
            (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(before, LibraryData.Books(fixture).Single(b => b.Id == book.Id).Reviews.Count);
    }

    [StoreFact]
    public async Task Typed_nested_input_arrives_as_records_and_lists()
    {
        var book = BookWhere(b => b.Chapters.Count == 0);
        var chapters = new[] { new { number = 2, title = "Second" }, new { number = 1, title = "First" } };

        var result = await fixture.ExecuteAsync(AddChapters, new { input = new { bookId = BookId(book.Id), chapters } }, user: "admin");

        var written = Payload(result, "addChapters").GetProperty("book");
        Assert.Equal(book.Isbn, written.GetProperty("isbn").GetString());
        Assert.Equal(["1 First", "2 Second"], written.GetProperty("chapters").EnumerateArray()
            .Select(c => $"{c.GetProperty("number").GetInt32()} {c.GetProperty("title").GetString()}"));
    }

    [StoreFact]
    public async Task A_validation_error_inside_a_list_names_the_path_to_the_field()
    {
        var book = BookWhere(b => b.Chapters.Count == 0);
        var chapters = new[] { new { number = 1, title = "Fine" }, new { number = 2, title = "" } };

        var result = await fixture.ExecuteAsync(AddChapters, new { input = new { bookId = BookId(book.Id), chapters } }, user: "admin");

        var error = OnlyError(Payload(result, "addChapters"));
        Assert.Equal(("ValidationError", "chapters[1].title"), (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString()));
    }

    [StoreFact]
    public async Task Domain_code_may_throw_validation_errors_of_its_own()
    {
        var chapters = new[] { new { number = 1, title = "One" }, new { number = 1, title = "Again" } };

        var result = await fixture.ExecuteAsync(AddChapters, new { input = new { bookId = BookId(1), chapters } }, user: "admin");

        var error = OnlyError(Payload(result, "addChapters"));
        Assert.Equal(("chapters", "Chapter numbers must be distinct."), (error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
    }

    [StoreFact]
    public async Task The_policy_is_checked_before_the_input_is_read()
    {
        var chapters = new[] { new { number = 1, title = "One" } };

        var result = await fixture.ExecuteAsync(AddChapters, new { input = new { bookId = "not-an-id", chapters } }, user: null);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], result.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, result.Data.ValueKind);
    }

    [StoreFact]
    public async Task An_undeclared_exception_is_a_field_error_that_tells_the_client_nothing()
    {
        var result = await fixture.ExecuteAsync("mutation { archiveBook(input: { bookId: \"" + BookId(1) + "\" }) { book { isbn } errors { __typename } } }");

        Assert.Equal(JsonValueKind.Null, result.Data.ValueKind);
        var error = Assert.Single(result.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("archiveBook", error.GetProperty("path")[0].GetString());
        Assert.DoesNotContain("secret", result.Json.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", result.Json.ToString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public void A_module_s_subscription_fields_make_the_subscription_root()
    {
        Assert.Contains("""
            type Subscription {
              "Announces the first book once."
              firstBookAnnounced: Book!
            }
            """, Sdl);
    }

    [StoreFact]
    public async Task A_module_s_subscription_field_streams_entities_projected_through_the_engine()
    {
        using var requestServices = fixture.Services.CreateScope();
        var result = await fixture.Services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = "subscription { firstBookAnnounced { isbn author { name } } }",
            RequestServices = requestServices.ServiceProvider,
        });

        var announced = new TaskCompletionSource<ExecutionResult>();
        using var subscription = Assert.Single(result.Streams!.Values).Subscribe(new FirstValue(announced));
        var serialized = fixture.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(await announced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var book = LibraryData.Books(fixture).Single(b => b.Id == 1);
        var data = JsonDocument.Parse(serialized).RootElement.GetProperty("data").GetProperty("firstBookAnnounced");
        Assert.Equal((book.Isbn, book.Author.Name), (data.GetProperty("isbn").GetString(), data.GetProperty("author").GetProperty("name").GetString()));
    }

    private sealed class FirstValue(TaskCompletionSource<ExecutionResult> first) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => first.TrySetResult(value);

        public void OnError(Exception error) => first.TrySetException(error);

        public void OnCompleted() => first.TrySetCanceled();
    }
}

public sealed class MutationConventionTestsOnPostgreSql(PostgreSqlMutationFixture fixture)
    : MutationConventionTests(fixture), IClassFixture<PostgreSqlMutationFixture>, IRunsOnPostgreSql;
