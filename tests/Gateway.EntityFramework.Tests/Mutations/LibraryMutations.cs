using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.Tests.Model;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>Mutations over the test library, declared as a module would: straight-line code over typed inputs.</summary>
public sealed class LibraryMutations : MutationFields
{
    public LibraryMutations()
    {
        Mutation<AddReviewInput, IDbContextFactory<LibraryDb>, Review>("addReview", AddReviewAsync)
            .Description("Reviews a book in print.")
            .Error<BookNotFoundException>()
            .Error<OutOfPrintException>();

        Mutation<AddChaptersInput, Book>("addChapters", AddChaptersAsync)
            .Authorize("self")
            .Error<BookNotFoundException>();

        // Stands for a bug or an outage: nothing the client should learn about.
        Mutation<ArchiveBookInput, Book>("archiveBook", (_, _) =>
            throw new InvalidOperationException("Archive share \\\\files\\secret is offline (password=hunter2)."));
    }

    private static async Task<Review> AddReviewAsync(AddReviewInput input, IDbContextFactory<LibraryDb> store, IResolveFieldContext context)
    {
        await using var db = await store.CreateDbContextAsync(context.CancellationToken);
        var book = await db.Books.SingleOrDefaultAsync(b => b.Id == input.BookId) ?? throw new BookNotFoundException(input.BookId);
        if (!book.InPrint)
        {
            throw new OutOfPrintException(book.Id, book.Title);
        }

        var review = new Review { BookId = book.Id, ReviewerId = input.ReviewerId, Stars = input.Stars, Text = input.Text, CreatedAt = LibrarySeed.Epoch };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }

    private static async Task<Book> AddChaptersAsync(AddChaptersInput input, IResolveFieldContext context)
    {
        if (input.Chapters.Select(c => c.Number).Distinct().Count() != input.Chapters.Count)
        {
            throw new InputValidationException("chapters", "Chapter numbers must be distinct.");
        }

        await using var db = await Db(context);
        var book = await db.Books.SingleOrDefaultAsync(b => b.Id == input.BookId) ?? throw new BookNotFoundException(input.BookId);
        book.Chapters.AddRange(input.Chapters.Select(c => new Chapter { Number = c.Number, Title = c.Title }));
        await db.SaveChangesAsync();
        return book;
    }

    private static Task<LibraryDb> Db(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<LibraryDb>>().CreateDbContextAsync(context.CancellationToken);
}
