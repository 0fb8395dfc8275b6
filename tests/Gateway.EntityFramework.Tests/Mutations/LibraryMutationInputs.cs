using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.Tests.Model;
using GraphQL;

namespace Gateway.EntityFramework.Tests.Mutations;

public sealed record AddReviewInput(
    [GlobalId<Book>] int BookId,
    [GlobalId<Author>] int ReviewerId,
    [Range(1, 5)][Description("1 to 5 stars.")] int Stars,
    [StringLength(200)] string? Text);

public sealed record AddChaptersInput(
    [GlobalId<Book>] int BookId,
    [Description("Appended after the book's last chapter.")] IReadOnlyList<NewChapter> Chapters);

[Name("NewChapterInput")]
public sealed record NewChapter(int Number, [StringLength(40, MinimumLength = 1)] string Title, Genre? Genre = null);

public sealed record ArchiveBookInput([GlobalId("Book")] int BookId);
