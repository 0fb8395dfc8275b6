namespace Gateway.Tests.Shipping;

/// <summary>The test screens with delivery estimates (the storefront's own screens in schema/operations are left as they are).</summary>
public static class DeliveryQueries
{
    public static string CatalogPage(int first, string country = "DE") => $$"""
        { products(first: {{first}}, order: [{ id: ASC }]) {
            totalCount
            nodes { id name price availability { inStock } delivery(country: "{{country}}") { days cost currency carrier { code name } } } } }
        """;
}
