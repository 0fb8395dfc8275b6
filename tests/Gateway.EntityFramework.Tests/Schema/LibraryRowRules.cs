using System.Linq.Expressions;
using System.Security.Claims;
using Gateway.EntityFramework.Tests.Model;

namespace Gateway.EntityFramework.Tests.Schema;

/// <summary>
/// The library's row rules, one per kind of restricted reader, so every other test (anonymous, "someone", "author:N")
/// still sees every row: "genre:Fiction" sees books of that genre only, "stars:3" reviews of three stars or more,
/// "publisher:1" the authors of that publisher, "house:1" that publisher only.
/// </summary>
public static class LibraryRowRules
{
    public static Expression<Func<Book, bool>>? Books(ClaimsPrincipal? user) =>
        Argument(user, "genre:") is { } name && Enum.TryParse<Genre>(name, out var genre) ? b => b.Genre == genre : null;

    public static Expression<Func<Review, bool>>? Reviews(ClaimsPrincipal? user) =>
        Argument(user, "stars:") is { } text && int.TryParse(text, out var stars) ? r => r.Stars >= stars : null;

    public static Expression<Func<Author, bool>>? Authors(ClaimsPrincipal? user) =>
        Argument(user, "publisher:") is { } text && int.TryParse(text, out var publisher) ? a => a.PublisherId == publisher : null;

    public static Expression<Func<Publisher, bool>>? Publishers(ClaimsPrincipal? user) =>
        Argument(user, "house:") is { } text && int.TryParse(text, out var publisher) ? p => p.Id == publisher : null;

    private static string? Argument(ClaimsPrincipal? user, string prefix) =>
        user?.Identity?.Name is { } name && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : null;
}
