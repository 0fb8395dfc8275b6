using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>
/// The contract's screens as written, and variants whose fixed page sizes are changed (to show that the
/// statement count does not grow with the page). Each replacement must hit exactly once, so a change to the
/// contract's documents fails loudly here instead of silently measuring the original.
/// </summary>
internal static class ScreenDocuments
{
    public static string ProductPage(int reviews = 5, int related = 4) => Replace(GraphQLHttp.Screen("ProductPage"),
        ("reviews(first: 5,", $"reviews(first: {reviews},"),
        ("related(first: 4)", $"related(first: {related})"));

    public static string HomePage(int pageSize = 8) => Replace(GraphQLHttp.Screen("HomePage"),
        ("newArrivals: products(first: 8,", $"newArrivals: products(first: {pageSize},"),
        ("first: 8\n", $"first: {pageSize}\n"));

    public static string CatalogPage => GraphQLHttp.Screen("CatalogPage");

    public static string OrderHistory => GraphQLHttp.Screen("OrderHistory");

    /// <summary>
    /// The screen without its <c>delivery</c> selection and <c>$country</c> variable: the store's part of the screen,
    /// for comparisons where the remote shipping service is not the subject (the naive baseline counts store SQL).
    /// </summary>
    public static string WithoutDelivery(string document) => Replace(document,
        (", $country: String! = \"DE\")", ")"),
        ("delivery(country: $country) { days cost currency carrier { code name } }\n", ""));

    private static string Replace(string document, params (string From, string To)[] replacements)
    {
        document = document.ReplaceLineEndings("\n");
        foreach (var (from, to) in replacements)
        {
            var at = document.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0 && document.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur once in the screen");
            document = document[..at] + to + document[(at + from.Length)..];
        }
        return document;
    }
}
