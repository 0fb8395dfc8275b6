using System.Text;

namespace Gateway.Tests.Safety;

/// <summary>
/// Malformed HTTP requests: broken JSON, invalid UTF-8, lone surrogates, duplicate and unknown keys, deep JSON,
/// wrong parameter types, media types, methods, batches, sizes, GET parameters and bearer tokens.
/// </summary>
public static class HostileTransport
{
    public static IEnumerable<HostileRequest> All() => Json().Concat(Encoding()).Concat(Shape()).Concat(Http()).Concat(Auth());

    public static IEnumerable<HostileRequest> Json()
    {
        string[] bodies =
        [
            "{", "[", "]", "{\"query\":}", "{\"query\":\"{ __typename }\"", "{\"query\":\"{ __typename }\"}}", "{\"query\":\"{ __typename }\"} trailing",
            "nul", "tru", "{'query':'{ __typename }'}", "{query:\"{ __typename }\"}", "{\"query\":\"{ __typename }\",}", "{\"query\":\"a\\qb\"}",
            "{\"query\":\"\t{ __typename }\"}", "{\"query\":\"{ __typename }\",\"variables\":{\"a\":NaN}}", "{\"query\":\"{ __typename }\",\"variables\":{\"a\":01}}",
            "/* comment */ {\"query\":\"{ __typename }\"}", "\"just a string\"", "42", "null", "true", "{}", "[[]]", "[1,2,3]", "[null]",
        ];
        foreach (var (body, index) in bodies.Select((b, i) => (b, i)))
        {
            yield return HostileRequest.Body($"json: malformed body #{index}", body);
        }

        foreach (var depth in new[] { 65, 1_000, 100_000 })
        {
            yield return HostileRequest.Body($"json: variables nested {depth} deep",
                "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + new string('[', depth) + new string(']', depth) + "}}", "INVALID_JSON");
            yield return HostileRequest.Body($"json: extensions nested {depth} objects",
                "{\"query\":\"{ __typename }\",\"extensions\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}", "INVALID_JSON");
        }

        yield return HostileRequest.Body("json: body array nested 1,000 deep", new string('[', 1_000) + new string(']', 1_000), "INVALID_JSON");
    }

    public static IEnumerable<HostileRequest> Encoding()
    {
        byte[][] invalid = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];
        foreach (var (bytes, index) in invalid.Select((b, i) => (b, i)))
        {
            yield return HostileRequest.Bytes($"utf-8: invalid bytes #{index} in query", Wrap("{\"query\":\"{ __typename ", bytes, " }\"}"));
            yield return HostileRequest.Bytes($"utf-8: invalid bytes #{index} in a variable", Wrap("{\"query\":\"{ __typename }\",\"variables\":{\"a\":\"", bytes, "\"}}"));
        }

        yield return HostileRequest.Bytes("utf-8: invalid bytes in a key", Wrap("{\"query\":\"{ __typename }\",\"variables\":{\"", [0xFF], "\":1}}"));
        yield return HostileRequest.Bytes("utf-8: invalid bytes in operationName", Wrap("{\"query\":\"query Q { __typename }\",\"operationName\":\"", [0xC3, 0x28], "\"}"));
        yield return HostileRequest.Bytes("utf-16 body", System.Text.Encoding.Unicode.GetBytes("{\"query\":\"{ __typename }\"}"));

        string[] surrogates = ["\\ud800", "\\udc00", "\\ud800x", "\\udbff\\udbff", "\\ud800\\u0041"];
        foreach (var (surrogate, index) in surrogates.Select((s, i) => (s, i)))
        {
            yield return HostileRequest.Body($"surrogate #{index} in query", "{\"query\":\"{ __typename } # " + surrogate + "\"}");
            yield return HostileRequest.Body($"surrogate #{index} in a variable", "{\"query\":\"query($s: String!) { category(slug: $s) { name } }\",\"variables\":{\"s\":\"" + surrogate + "\"}}");
        }

        yield return HostileRequest.Body("surrogate in a variable name", "{\"query\":\"{ __typename }\",\"variables\":{\"\\ud800\":1}}");
        yield return HostileRequest.Body("surrogate in operationName", "{\"query\":\"query Q { __typename }\",\"operationName\":\"\\udfff\"}");
        yield return HostileRequest.Body("surrogate in extensions", "{\"query\":\"{ __typename }\",\"extensions\":{\"a\":\"\\ud800\"}}");
    }

    public static IEnumerable<HostileRequest> Shape()
    {
        yield return HostileRequest.Body("keys: query twice", "{\"query\":\"{ __typename }\",\"query\":\"{ viewer { email } }\"}", "INVALID_REQUEST");
        yield return HostileRequest.Body("keys: variables twice", "{\"query\":\"{ __typename }\",\"variables\":{},\"variables\":{}}", "INVALID_REQUEST");
        yield return HostileRequest.Body("keys: duplicate variable", "{\"query\":\"query($a: Int) { products(first: $a) { totalCount } }\",\"variables\":{\"a\":1,\"a\":2}}", "INVALID_JSON");
        yield return HostileRequest.Body("keys: duplicate nested key", "{\"query\":\"query($w: ProductFilterInput) { products(where: $w) { totalCount } }\",\"variables\":{\"w\":{\"name\":{\"eq\":\"a\",\"eq\":\"b\"}}}}", "INVALID_JSON");
        yield return HostileRequest.Body("keys: duplicate extension", "{\"query\":\"{ __typename }\",\"extensions\":{\"a\":1,\"a\":2}}", "INVALID_JSON");
        foreach (var unknown in new[] { "foo", "Query", "QUERY", "__proto__", "variables ", "" })
        {
            yield return HostileRequest.Body($"keys: unknown parameter '{unknown}'", "{\"query\":\"{ __typename }\",\"" + unknown + "\":1}", "INVALID_REQUEST");
        }

        string[] wrongTypes =
        [
            "{\"query\":1}", "{\"query\":[\"{ __typename }\"]}", "{\"query\":{\"a\":1}}", "{\"query\":true}", "{\"query\":null}",
            "{\"query\":\"{ __typename }\",\"variables\":\"{}\"}", "{\"query\":\"{ __typename }\",\"variables\":[1]}", "{\"query\":\"{ __typename }\",\"variables\":5}",
            "{\"query\":\"{ __typename }\",\"operationName\":5}", "{\"query\":\"{ __typename }\",\"operationName\":{}}", "{\"query\":\"{ __typename }\",\"extensions\":[]}",
            "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}", "{\"operationName\":\"Q\"}", "{\"variables\":{}}",
        ];
        foreach (var (body, index) in wrongTypes.Select((b, i) => (b, i)))
        {
            yield return HostileRequest.Body($"params: wrong type #{index}", body, "INVALID_REQUEST");
        }

        yield return HostileRequest.Body("batch: empty", "[]", "BATCH_SIZE_EXCEEDED");
        yield return HostileRequest.Body("batch: 11 operations", "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"{ __typename }\"}", 11)) + "]", "BATCH_SIZE_EXCEEDED");
        yield return HostileRequest.Body("batch: 10,000 operations", "[" + string.Join(",", Enumerable.Repeat("{}", 10_000)) + "]", "BATCH_SIZE_EXCEEDED");
        yield return HostileRequest.Body("batch: entries of the wrong type", "[1, \"x\", null, [], {}]");
        // Each entry costs 511 and returns one product: the second takes the batch over 1,000.
        yield return HostileRequest.Body("batch: over the budget as a whole",
            "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"{ products(first: 100, where: { id: { eq: \\\"UHJvZHVjdDox\\\" } }) { nodes { category { parent { id } } rating { count } availability { inStock } related(first: 1) { id } } } }\"}", 2)) + "]",
            "MAX_FIELD_COST_EXCEEDED");
        // 10 entries of 30 unused variables: 300 errors, of which the response carries 20 and one saying so.
        yield return HostileRequest.Body("batch: ten entries of 30 errors each",
            "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"query(" + string.Concat(Enumerable.Range(0, 30).Select(i => $"$v{i}: Int ")) + ") { __typename }\"}", 10)) + "]",
            "ERRORS_OMITTED");
        yield return HostileRequest.Body("batch: hostile entries", "[{\"query\":\"{\"},{\"query\":\"{ nope }\"},{\"query\":\"{ __typename }\",\"foo\":1}]");
    }

    public static IEnumerable<HostileRequest> Http()
    {
        foreach (var contentType in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/graphql", "application/x-www-form-urlencoded", "" })
        {
            yield return new HostileRequest($"media type '{contentType}'", () =>
            {
                var request = HostileRequest.Json("{\"query\":\"{ __typename }\"}");
                request.Content!.Headers.Remove("Content-Type");
                if (contentType.Length > 0)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }

                return request;
            }, "UNSUPPORTED_MEDIA_TYPE");
        }

        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS-X" })
        {
            yield return new HostileRequest($"method {method}", () => HostileRequest.Accepting(new HttpRequestMessage(new HttpMethod(method), "/graphql")), "METHOD_NOT_ALLOWED");
        }

        yield return new HostileRequest("accept: image/png only", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("image/png");
            return request;
        }, "NOT_ACCEPTABLE");
        yield return HostileRequest.Body("size: body of 1 MiB + 1", "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}}", "REQUEST_TOO_LARGE");
        yield return HostileRequest.Body("size: 4 MiB of whitespace", new string(' ', 4 * 1024 * 1024), "REQUEST_TOO_LARGE");
        yield return HostileRequest.Body("size: empty body", "", "INVALID_REQUEST");

        yield return HostileRequest.Get("get: mutation", "/graphql?query=" + Uri.EscapeDataString("mutation { cancelOrder(input: { orderId: \"T3JkZXI6MQ==\" }) { __typename } }"), "OPERATION_NOT_ALLOWED_OVER_GET");
        yield return HostileRequest.Get("get: variables not JSON", "/graphql?query=%7B__typename%7D&variables=%7Bnope", "INVALID_REQUEST");
        yield return HostileRequest.Get("get: variables an array", "/graphql?query=%7B__typename%7D&variables=%5B%5D", "INVALID_REQUEST");
        yield return HostileRequest.Get("get: query twice", "/graphql?query=%7B__typename%7D&query=%7B__typename%7D", "INVALID_REQUEST");
        yield return HostileRequest.Get("get: no query", "/graphql?operationName=Q", "INVALID_REQUEST");
        yield return HostileRequest.Get("get: surrogate in variables", "/graphql?query=%7B__typename%7D&variables=" + Uri.EscapeDataString("{\"a\":\"\\ud800\"}"), "INVALID_JSON");
        yield return HostileRequest.Get("get: duplicate variable", "/graphql?query=%7B__typename%7D&variables=" + Uri.EscapeDataString("{\"a\":1,\"a\":2}"), "INVALID_JSON");
        yield return HostileRequest.Get("get: deep variables", "/graphql?query=%7B__typename%7D&variables=" + Uri.EscapeDataString("{\"a\":" + new string('[', 200) + new string(']', 200) + "}"), "INVALID_REQUEST");
        yield return HostileRequest.Get("get: parser bomb", "/graphql?query=" + Uri.EscapeDataString("{" + string.Concat(Enumerable.Repeat("a{", 500)) + new string('}', 501)), "MAX_PARSER_DEPTH_EXCEEDED");
    }

    public static IEnumerable<HostileRequest> Auth()
    {
        string[] tokens =
        [
            "Bearer not-a-jwt", "Bearer a.b.c", "Bearer ", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "Basic dXNlcjpwYXNz", "Bearer " + new string('a', 6_000), "bearer x.y.z", "Token abc",
        ];
        foreach (var (token, index) in tokens.Select((t, i) => (t, i)))
        {
            yield return HostileRequest.Post($"auth: rejected authorization #{index}", "{ viewer { email } }", "AUTH_NOT_AUTHENTICATED", headers: new Dictionary<string, string> { ["Authorization"] = token });
        }

        yield return HostileRequest.Post("auth: anonymous orders", "{ orders(first: 1) { totalCount } }");
        yield return HostileRequest.Post("auth: anonymous mutation", "mutation { placeOrder(input: { lines: [{ productId: \"UHJvZHVjdDox\", quantity: 1 }] }) { order { id } } }");
        yield return HostileRequest.Post("auth: anonymous order subscription over HTTP", "subscription { onOrderStatusChanged { id } }");
        yield return HostileRequest.Post("auth: anonymous admin filter", "{ customers(first: 1, order: [{ email: ASC }]) { nodes { id } } }");
    }

    private static byte[] Wrap(string before, byte[] bytes, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. bytes, .. System.Text.Encoding.UTF8.GetBytes(after)];
}
