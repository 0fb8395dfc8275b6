namespace Gateway.EntityFramework.Tests.Model;

public enum Genre
{
    Fiction,
    Science,
    History,
}

public sealed class Publisher
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Author> Authors { get; set; } = [];
}

public sealed class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public DateTime Born { get; set; }
    public int? PublisherId { get; set; }
    public Publisher? Publisher { get; set; }
    public List<Book> Books { get; set; } = [];
}

public sealed class Book
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Isbn { get; set; } = "";
    public string? Subtitle { get; set; }
    public decimal Price { get; set; }
    public int Pages { get; set; }
    public double Weight { get; set; }
    public Genre Genre { get; set; }
    public bool InPrint { get; set; }
    public DateTime PublishedAt { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public List<Chapter> Chapters { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];
}

public sealed class Chapter
{
    public int Id { get; set; }
    public int BookId { get; set; }
    public Book Book { get; set; } = null!;
    public int Number { get; set; }
    public string Title { get; set; } = "";
}

public sealed class Review
{
    public int Id { get; set; }
    public int BookId { get; set; }
    public Book Book { get; set; } = null!;
    public int ReviewerId { get; set; }
    public Author Reviewer { get; set; } = null!;
    public int Stars { get; set; }
    public string? Text { get; set; }
    public DateTime CreatedAt { get; set; }
}
