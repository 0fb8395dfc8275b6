using Gateway.EntityFramework.Tests.Model;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Tests.Schema;

/// <summary>
/// Collections declared by foreign key instead of navigation (<see cref="Related{TItem}"/>): twins of Book's reviews,
/// chapters and stats and of Author's books, which <c>ForeignKeyCollectionTests</c> compare with the navigation form,
/// and Author's reviews written, which has no navigation at all.
/// </summary>
public sealed class BookForeignKeyFields : EntityTypeExtension<Book>
{
    public BookForeignKeyFields()
    {
        // in the order of the twins' own declarations (chapters on Book, then reviews), so filters on both print alike
        List<Chapter>("chaptersByKey", c => c.BookId);
        Connection<Review>("reviewsByKey", r => r.BookId);
        Embedded<BookStatsByKeyType>("statsByKey");
    }
}

/// <summary>BookStats' aggregates over the rows by foreign key.</summary>
public sealed class BookStatsByKeyType : EmbeddedType<Book>
{
    public BookStatsByKeyType()
    {
        Name = "BookStatsByKey";
        Field("average", b => Related<Review>.Of(b, r => r.BookId).Average(r => (double?)r.Stars));
        Field("count", b => Related<Review>.Of(b, r => r.BookId).Count());
    }
}

public sealed class AuthorForeignKeyFields : EntityTypeExtension<Author>
{
    public AuthorForeignKeyFields()
    {
        Connection<Book>("booksByKey", b => b.AuthorId);
        Connection<Review>("reviewsWritten", r => r.ReviewerId);
    }
}
