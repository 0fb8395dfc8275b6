using System.ComponentModel;
using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.Tests.Model;
using GraphQL;

namespace Gateway.EntityFramework.Tests.Mutations;

[Description("The book is not in the library.")]
public sealed class BookNotFoundException(int bookId) : Exception("No such book.")
{
    [GlobalId<Book>]
    public int BookId { get; } = bookId;
}

[Description("Out-of-print books take no new reviews.")]
public sealed class OutOfPrintException(int bookId, string title) : Exception($"\"{title}\" is out of print.")
{
    [GlobalId<Book>]
    public int BookId { get; } = bookId;

    [Name("bookTitle")]
    [Description("The title, as printed.")]
    public string Title { get; } = title;

    [Ignore]
    public DateTime LoggedAt { get; } = DateTime.UtcNow;
}
