namespace Gateway.EntityFramework.Tests.Model;

/// <summary>A deterministic library: 3 publishers, 6 authors, 60 books, chapters and reviews.</summary>
public static class LibrarySeed
{
    public static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void Seed(LibraryDb db)
    {
        var publishers = Enumerable.Range(1, 3).Select(i => new Publisher { Name = $"Publisher {i}" }).ToList();
        db.Publishers.AddRange(publishers);
        var authors = Enumerable.Range(1, 6).Select(i => new Author
        {
            Name = $"Author {(char)('A' + i - 1)}",
            Email = i % 2 == 0 ? $"author{i}@example.com" : null,
            Born = Epoch.AddYears(-30 - i),
            Publisher = i == 6 ? null : publishers[i % 3],
        }).ToList();
        db.Authors.AddRange(authors);
        string[] specialTitles = ["100% Pure", "Under_score", "Plain Text", "50%_off", "Back\\slash"];
        for (var i = 1; i <= 60; i++)
        {
            var book = new Book
            {
                Title = i <= specialTitles.Length ? specialTitles[i - 1] : $"Book {i:00}",
                Isbn = $"ISBN-{i:000}",
                Subtitle = i % 3 == 0 ? null : $"Subtitle {i % 7}",
                Price = 5m + (i * 7 % 23) + 0.99m,
                Pages = 100 + (i * 37 % 400),
                Weight = 0.25 * (i % 8),
                Genre = (Genre)(i % 3),
                InPrint = i % 4 != 0,
                PublishedAt = Epoch.AddDays(i * 11 % 90),
                Author = authors[i % authors.Count],
            };
            for (var c = 1; c <= i % 4; c++)
            {
                book.Chapters.Add(new Chapter { Number = c, Title = $"Chapter {c} of {i}" });
            }

            for (var r = 0; r < i % 8; r++)
            {
                book.Reviews.Add(new Review
                {
                    Stars = 1 + ((i + r) % 5),
                    Text = r % 2 == 0 ? $"Review {r} of book {i}" : null,
                    CreatedAt = Epoch.AddHours(i * 13 + r * 5),
                    Reviewer = authors[(i + r) % authors.Count],
                });
            }

            db.Books.Add(book);
        }

        db.SaveChanges();
    }
}
