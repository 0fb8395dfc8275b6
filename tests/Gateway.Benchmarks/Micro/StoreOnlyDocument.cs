namespace Gateway.Benchmarks.Micro;

/// <summary>
/// A screen without its <c>delivery</c> selection and <c>$country</c> variable: the in-process measurements compare the
/// gateway's work on its store against hand-written SQL of that store, and an in-process gateway has no shipping
/// service to call (its embedded one needs a listening socket). Each removal must hit exactly once, so a change to
/// the screen fails here instead of silently measuring something else.
/// </summary>
internal static class StoreOnlyDocument
{
    public static string Of(string document)
    {
        document = document.ReplaceLineEndings("\n");
        foreach (var part in new[] { ", $country: String! = \"DE\"", "delivery(country: $country) { days cost currency carrier { code name } }\n" })
        {
            var at = document.IndexOf(part, StringComparison.Ordinal);
            if (at < 0 || document.IndexOf(part, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{part.Trim()}' must occur once in the screen.");
            }

            document = document.Remove(at, part.Length);
        }

        return document;
    }
}
