using System.Text;

namespace Gateway.Tests.Safety;

/// <summary>
/// Hostile GraphQL documents: parser bombs, validation blow-ups, cost fan-outs, filter floods. Each is sent as a
/// well-formed JSON request, over HTTP and over WebSocket, and must be refused with the code named here (or, where
/// none is named, with whatever coded error GraphQL.NET's own validation gives).
/// </summary>
public static class HostileDocuments
{
    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Nest(string open, string close, int depth, string inner = "") => Repeat(open, depth) + inner + Repeat(close, depth);

    public static IEnumerable<HostileRequest> All() => Parser().Concat(Validation()).Concat(Cost()).Concat(Filters()).Concat(Depth());

    public static IEnumerable<HostileRequest> Parser()
    {
        foreach (var depth in new[] { 65, 100, 1_000, 4_000 })
        {
            yield return HostileRequest.Post($"parser: selection nested {depth} deep", "{" + Nest("a{", "}", depth, "b") + "}", "MAX_PARSER_DEPTH_EXCEEDED");
            yield return HostileRequest.Post($"parser: list value nested {depth} deep", "{ products(where: { id: { in: " + Nest("[", "]", depth) + " } }) { totalCount } }", "MAX_PARSER_DEPTH_EXCEEDED");
        }

        foreach (var depth in new[] { 40, 500 })
        {
            yield return HostileRequest.Post($"parser: where and-nested {depth} deep",
                "{ products(where: " + Nest("{ and: [", "] }", depth, "{ name: { eq: \"x\" } }") + ") { totalCount } }", "MAX_PARSER_DEPTH_EXCEEDED");
        }

        yield return HostileRequest.Post("parser: object value nested 200 deep", "{ products(where: " + Nest("{ category: ", " }", 200, "{ name: { eq: \"x\" } }") + ") { totalCount } }", "MAX_PARSER_DEPTH_EXCEEDED");
        foreach (var count in new[] { 15_001, 20_000, 60_000 })
        {
            yield return HostileRequest.Post($"parser: {count} __typename tokens", "{" + Repeat(" __typename", count) + " }", "MAX_TOKENS_EXCEEDED");
        }

        yield return HostileRequest.Post("parser: 16,000 punctuators", "{ __typename " + Repeat("@skip(if: false) ", 4_000) + "}", "MAX_TOKENS_EXCEEDED");
        yield return HostileRequest.Post("parser: 8,000 variable definitions", "query(" + Repeat("$v: Int ", 1) + string.Concat(Enumerable.Range(0, 8_000).Select(i => $"$v{i}: Int ")) + ") { __typename }", "MAX_TOKENS_EXCEEDED");

        string[] syntax =
        [
            "{", "}", "{ }", "query", "query {", "{ products(first: ) { totalCount } }", "{ products(first: 1 { totalCount } }",
            "{ \"unterminated }", "{ a(b: \"\\uZZZZ\") }", "{ a(b: \"\"\"never closed) }", "\u0000", "{ __typename }}", "{ __typename \u0007 }",
            "fragment F on Product { id }", "{ ...on }", "{ products(first: 1.5e999999) { totalCount } }", "query Q($v: ) { __typename }",
            "{ a: b: c }", "{ @skip }", "mutation", "subscription { }", "{ __typename } {", "# only a comment", "   ", "\uFEFF{ __typename", "{ a(b: [1,2,) }",
        ];
        foreach (var (document, index) in syntax.Select((d, i) => (d, i)))
        {
            yield return HostileRequest.Post($"parser: syntax error #{index}", document);
        }
    }

    public static IEnumerable<HostileRequest> Validation()
    {
        yield return HostileRequest.Post("validation: 1,001 distinct fields", "{" + string.Concat(Enumerable.Range(0, 1_001).Select(i => $" a{i}: __typename")) + " }", "MAX_FIELDS_EXCEEDED");
        yield return HostileRequest.Post("validation: 5,000 __typename", "{" + Repeat(" __typename", 5_000) + " }", "MAX_FIELDS_EXCEEDED");
        yield return HostileRequest.Post("validation: 51 aliases", "{" + string.Concat(Enumerable.Range(0, 51).Select(i => $" a{i}: __typename")) + " }", "MAX_ALIASES_EXCEEDED");
        yield return HostileRequest.Post("validation: 200 aliases with conflicting arguments",
            "{" + string.Concat(Enumerable.Range(0, 200).Select(i => $" a: products(first: {i}) {{ totalCount }}")) + " }", "MAX_ALIASES_EXCEEDED");
        yield return HostileRequest.Post("validation: 21 repeats of a field", "{" + Repeat(" __typename", 21) + " }", "MAX_FIELD_REPEATS_EXCEEDED");
        yield return HostileRequest.Post("validation: 500 conflicting repeats", "{" + string.Concat(Enumerable.Range(0, 500).Select(i => $" products(first: {i}) {{ totalCount }}")) + " }", "MAX_FIELD_REPEATS_EXCEEDED");
        yield return HostileRequest.Post("validation: 100 repeats in inline fragments", "{" + Repeat(" ... on Query { __typename }", 100) + " }", "MAX_FIELD_REPEATS_EXCEEDED");
        yield return HostileRequest.Post("validation: 40 conflicting aliases, errors capped", "{" + string.Concat(Enumerable.Range(0, 20).Select(i => $" a: products(first: {i}) {{ totalCount }} b: categories {{ id }}")) + " }");

        var bomb = new StringBuilder("query { ...F0 }");
        for (var i = 0; i < 30; i++)
        {
            bomb.Append($" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        }

        bomb.Append(" fragment F30 on Query { __typename }");
        yield return HostileRequest.Post("validation: fragment bomb 2^30", bomb.ToString(), "MAX_FRAGMENT_SPREADS_EXCEEDED");
        yield return HostileRequest.Post("validation: 101 spreads of one fragment", "query {" + Repeat(" ...F", 101) + " } fragment F on Query { __typename }", "MAX_FRAGMENT_SPREADS_EXCEEDED");
        yield return HostileRequest.Post("validation: fragment cycle", "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
        yield return HostileRequest.Post("validation: self-spread", "query { ...A } fragment A on Query { __typename ...A }");
        yield return HostileRequest.Post("validation: unknown fragment", "query { ...Nope }");
        yield return HostileRequest.Post("validation: fragment on wrong type", "query { ...F } fragment F on Product { id }");
        yield return HostileRequest.Post("validation: unused fragment", "query { __typename } fragment F on Query { __typename }");

        yield return HostileRequest.Post("validation: 2,500 unused variables", "query(" + string.Concat(Enumerable.Range(0, 2_500).Select(i => $"$v{i}: Int ")) + ") { __typename }");
        yield return HostileRequest.Post("validation: 15 undefined variables", "{" + string.Concat(Enumerable.Range(0, 15).Select(i => $" a{i}: products(first: $v{i}) {{ totalCount }}")) + " }");
        yield return HostileRequest.Post("validation: operationName of 500 KB", "query Q { __typename }", "OPERATION_NAME_TOO_LONG", operationName: new string('Q', 500_000));
        yield return HostileRequest.Post("validation: operationName of 257 characters", "query Q { __typename }", "OPERATION_NAME_TOO_LONG", operationName: new string('Q', 257));
        yield return HostileRequest.Post("validation: unknown operationName", "query Q { __typename }", operationName: "Nope");
        yield return HostileRequest.Post("validation: two anonymous operations", "{ __typename } { __typename }");
        yield return HostileRequest.Post("validation: duplicate operation names", "query Q { __typename } query Q { __typename }", operationName: "Q");
        yield return HostileRequest.Post("validation: two operations, no name", "query A { __typename } query B { __typename }");

        string[] invalid =
        [
            "{ nope }", "{ products { nope } }", "{ products(nope: 1) { totalCount } }", "{ products(first: \"ten\") { totalCount } }",
            "{ category { name } }", "{ category(slug: 1) { name } }", "{ products }", "{ products { totalCount { x } } }", "{ node(id: 1) }",
            "{ __typename @nope }", "{ __typename @skip }", "{ __typename @include(if: \"yes\") }", "{ __typename @skip(if: true) @skip(if: true) }",
            "{ products(first: 2147483648) { totalCount } }", "{ products(where: { nope: { eq: 1 } }) { totalCount } }",
            "{ products(where: { price: { eq: \"cheap\" } }) { totalCount } }", "{ products(order: [{ price: UP }]) { totalCount } }",
            "mutation { nope }", "subscription { nope }", "subscription { onReviewAdded(productId: \"UHJvZHVjdDox\") { id } __typename }",
            "query($v: Nope) { __typename }", "query($v: Int = \"x\") { products(first: $v) { totalCount } }", "query($v: [[[[Int]]]]) { __typename }",
            "{ nodes(ids: 1) { id } }", "{ ... on Product { id } }", "{ products { nodes { ... on Category { id } } } }",
        ];
        foreach (var (document, index) in invalid.Select((d, i) => (d, i)))
        {
            yield return HostileRequest.Post($"validation: invalid document #{index}", document);
        }

        yield return HostileRequest.Post("variables: wrong type", "query($first: Int) { products(first: $first) { totalCount } }", variables: new { first = "ten" });
        yield return HostileRequest.Post("variables: missing required", "query($slug: String!) { category(slug: $slug) { name } }");
        yield return HostileRequest.Post("variables: null for non-null", "query($slug: String!) { category(slug: $slug) { name } }", variables: new { slug = (string?)null });
        yield return HostileRequest.Post("variables: int overflow", "query($first: Int) { products(first: $first) { totalCount } }", variables: new { first = 1e20 });
        yield return HostileRequest.Post("variables: object for a list", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: new { ids = new { a = 1 } });
        yield return HostileRequest.Post("variables: 101 node ids", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: new { ids = Enumerable.Repeat("UHJvZHVjdDox", 101).ToArray() });
        yield return HostileRequest.Post("variables: unknown filter field", "query($w: ProductFilterInput) { products(where: $w) { totalCount } }", variables: new { w = new { nope = 1 } });
    }

    public static IEnumerable<HostileRequest> Cost()
    {
        yield return HostileRequest.Post("cost: related(first: 20) five deep",
            "{ products(first: 1) { nodes { related(first: 20) { related(first: 20) { related(first: 20) { related(first: 20) { related(first: 20) { id name } } } } } } } }",
            "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: four-level fan-out of 100",
            "{ products(first:100){nodes{category{products(first:100){nodes{reviews(first:100){nodes{author{reviews(first:100){nodes{id}}}}}}}}}}}",
            "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: 100 products x 100 reviews", "{ products(first: 100) { nodes { reviews(first: 100) { nodes { id title } } } } }", "MAX_TYPE_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: first from a variable", "query($n: Int) { products(first: $n) { nodes { reviews(first: $n) { nodes { id } } } } }", "MAX_TYPE_COST_EXCEEDED", variables: new { n = 100 });
        yield return HostileRequest.Post("cost: first of a million", "{ products(first: 1000000) { nodes { related { id } } } }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: last of a million", "{ reviews(last: 1000000) { edges { node { author { id } } } } }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: default page sizes nested", "{ products { nodes { reviews { nodes { author { reviews { nodes { product { related { id } } } } } } } } } }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: 40 aliased root connections", "{" + string.Concat(Enumerable.Range(0, 40).Select(i => $" p{i}: products(first: 100) {{ nodes {{ category {{ id }} }} }}")) + " }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: nodes of 100 ids with nested pages", "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { reviews(first: 100) { nodes { author { id } } } } } }", "MAX_FIELD_COST_EXCEEDED", variables: new { ids = new[] { "UHJvZHVjdDox" } });
        yield return HostileRequest.Post("cost: category tree fan-out", "{ categories { children { children { children { products(first: 100) { nodes { id } } } } } } }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: warehouses x stock", "{ products(first: 100) { nodes { availability { warehouses { warehouse { id } } } related(first: 50) { id } } } }", "MAX_FIELD_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: fragments multiply too",
            "{ products(first: 100) { nodes { ...R } } } fragment R on Product { reviews(first: 100) { nodes { id } } }", "MAX_TYPE_COST_EXCEEDED");
        yield return HostileRequest.Post("cost: customers x orders x lines", "{ customers(first: 100) { nodes { reviews(first: 100) { nodes { product { id } } } } } }", "MAX_FIELD_COST_EXCEEDED");
    }

    public static IEnumerable<HostileRequest> Filters()
    {
        var ids = string.Join(",", Enumerable.Range(1, 100).Select(i => $"\"UHJvZHVjdDo{i}\""));
        yield return HostileRequest.Post("filters: or of 400 in-lists (variables)", "query($w: ProductFilterInput) { products(first: 1, where: $w) { totalCount } }", "FILTER_TOO_BROAD",
            variables: new { w = new { or = Enumerable.Range(0, 400).Select(_ => new { name = new { @in = Enumerable.Range(0, 100).Select(i => $"n{i}").ToArray() } }).ToArray() } });
        yield return HostileRequest.Post("filters: or of 10,000 terms (variables)", "query($w: ProductFilterInput) { products(first: 1, where: $w) { totalCount } }", "FILTER_TOO_BROAD",
            variables: new { w = new { or = Enumerable.Range(0, 10_000).Select(i => new { name = new { eq = $"n{i}" } }).ToArray() } });
        yield return HostileRequest.Post("filters: or of 101 terms", "{ products(first: 1, where: { or: [" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{ name: {{ eq: \"n{i}\" }} }}")) + "] }) { totalCount } }", "FILTER_TOO_BROAD");
        yield return HostileRequest.Post("filters: six in-lists of 100", "{ products(first: 1, where: { or: [" + string.Join(",", Enumerable.Range(0, 6).Select(_ => $"{{ id: {{ in: [{ids}] }} }}")) + "] }) { totalCount } }", "FILTER_TOO_BROAD");
        yield return HostileRequest.Post("filters: in-list of 101", "query($w: ProductFilterInput) { products(first: 1, where: $w) { totalCount } }",
            variables: new { w = new { name = new { @in = Enumerable.Range(0, 101).Select(i => $"n{i}").ToArray() } } });
        yield return HostileRequest.Post("filters: and of 150 terms (variables)", "query($w: ProductFilterInput) { products(first: 1, where: $w) { totalCount } }", "FILTER_TOO_BROAD",
            variables: new { w = new { and = Enumerable.Range(0, 150).Select(i => new { price = new { gt = i } }).ToArray() } });
        yield return HostileRequest.Post("filters: breadth spread over aliases", "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" p{i}: products(first: 1, where: {{ or: [{{ name: {{ eq: \"a\" }} }}, {{ name: {{ eq: \"b\" }} }}] }}) {{ totalCount }}")) + " }", "FILTER_TOO_BROAD");
        yield return HostileRequest.Post("filters: 200 some-of-some", "{ categories(where: { or: [" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"{{ products: {{ some: {{ reviews: {{ some: {{ rating: {{ eq: {i % 5 + 1} }} }} }} }} }} }}")) + "] }) { id } }", "FILTER_TOO_BROAD");
        yield return HostileRequest.Post("filters: invalid id in filter", "{ products(first: 1, where: { id: { eq: \"not-an-id\" } }) { totalCount } }");
        yield return HostileRequest.Post("filters: email filter without admin", "{ customers(first: 1, where: { email: { eq: \"a@b.c\" } }) { totalCount } }");
    }

    public static IEnumerable<HostileRequest> Depth()
    {
        yield return HostileRequest.Post("depth: 13 levels of parents", "{ categories { " + Nest("parent { ", " }", 12, "id") + " } }", "MAX_EXECUTION_DEPTH_EXCEEDED");
        yield return HostileRequest.Post("depth: reviews/product 14 deep",
            "{ reviews(first: 1) { nodes { " + Nest("product { reviews(first: 1) { nodes { ", "} } } ", 4, "id ") + "} } }",
            "MAX_EXECUTION_DEPTH_EXCEEDED");
        yield return HostileRequest.Post("depth: introspection off in production", "{ __schema { types { name } } }", "INTROSPECTION_DISABLED");
        yield return HostileRequest.Post("depth: __type off in production", "{ __type(name: \"Product\") { name } }", "INTROSPECTION_DISABLED");
        yield return HostileRequest.Post("depth: recursive introspection off in production",
            "{ __schema { types { possibleTypes { interfaces { possibleTypes { interfaces { possibleTypes { interfaces { possibleTypes { name } } } } } } } } } }",
            "INTROSPECTION_DISABLED");
    }
}
