using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Mutations;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Wishlists;

/// <summary>
/// The Wishlists module through the real endpoint (POST /graphql): listing, adding and removing, its payload errors,
/// and who may read whose wishlist. Each test uses customers of its own, since the class shares one store.
/// </summary>
public class WishlistHttpTests(MutationStore store) : IClassFixture<MutationStore>
{
    private readonly HttpClient _client = store.CreateClient();

    private string TokenFor(int customerId, bool admin = false) => store.Get<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    private static string ProductId(int id) => GlobalId.Encode("Product", id);

    private static string CustomerId(int id) => GlobalId.Encode("Customer", id);

    private const string AddToWishlist = """
        mutation($productId: ID!) { addToWishlist(input: { productId: $productId }) {
          wishlistItem { id addedAt product { id name } customer { id } }
          errors { __typename ... on Error { message } ... on AlreadyInWishlistError { productId }
                   ... on ProductNotFoundError { productId } ... on ValidationError { field } } } }
        """;

    private const string RemoveFromWishlist = """
        mutation($productId: ID!) { removeFromWishlist(input: { productId: $productId }) {
          product { id name }
          errors { __typename ... on Error { message } ... on NotInWishlistError { productId }
                   ... on ProductNotFoundError { productId } ... on ValidationError { field } } } }
        """;

    private const string ViewerWishlist = """
        { viewer { wishlist(first: 50) { totalCount nodes { addedAt product { id } } } } }
        """;

    private const string CustomerWishlist = """
        query($id: ID!) { node(id: $id) { ... on Customer { name wishlist(first: 50) { totalCount nodes { product { id } } } } } }
        """;

    private async Task<List<int>> WishedProductsAsync(int customerId)
    {
        await using var db = await store.DbAsync();
        return await db.WishlistItems.Where(w => w.CustomerId == customerId).OrderBy(w => w.Id).Select(w => w.ProductId).ToListAsync();
    }

    private async Task<int> UnwishedProductAsync(int customerId)
    {
        await using var db = await store.DbAsync();
        return await db.Products.Where(p => !db.WishlistItems.Any(w => w.CustomerId == customerId && w.ProductId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private static List<string> ProductIdsOf(JsonNode? wishlist) =>
        wishlist!["nodes"]!.AsArray().Select(n => (string)n!["product"]!["id"]!).ToList();

    [StoreFact]
    public async Task The_viewer_reads_their_seeded_wishlist_in_id_order()
    {
        var customer = await CustomerWithSeededItemsAsync();

        var data = await _client.QueryAsync(ViewerWishlist, bearerToken: TokenFor(customer));

        var wishlist = data["viewer"]!["wishlist"]!;
        var expected = await WishedProductsAsync(customer);
        Assert.Equal(expected.Count, (int)wishlist["totalCount"]!);
        Assert.Equal(expected.Select(ProductId), ProductIdsOf(wishlist));
    }

    [StoreFact]
    public async Task Adding_lists_the_product_and_removing_takes_it_off()
    {
        const int customer = 201;
        var productId = await UnwishedProductAsync(customer);
        var before = await WishedProductsAsync(customer);

        var added = (await _client.QueryAsync(AddToWishlist, new { productId = ProductId(productId) }, TokenFor(customer)))["addToWishlist"]!;
        Assert.Null(added["errors"]);
        Assert.Equal(ProductId(productId), (string?)added["wishlistItem"]!["product"]!["id"]);
        Assert.Equal(CustomerId(customer), (string?)added["wishlistItem"]!["customer"]!["id"]);
        Assert.True(DateTime.UtcNow - (DateTime)added["wishlistItem"]!["addedAt"]! < TimeSpan.FromMinutes(5));

        var listed = (await _client.QueryAsync(ViewerWishlist, bearerToken: TokenFor(customer)))["viewer"]!["wishlist"]!;
        Assert.Equal(before.Count + 1, (int)listed["totalCount"]!);
        Assert.Equal(ProductId(productId), ProductIdsOf(listed).Last());

        var removed = (await _client.QueryAsync(RemoveFromWishlist, new { productId = ProductId(productId) }, TokenFor(customer)))["removeFromWishlist"]!;
        Assert.Null(removed["errors"]);
        Assert.Equal(ProductId(productId), (string?)removed["product"]!["id"]);
        Assert.False(string.IsNullOrEmpty((string?)removed["product"]!["name"]));
        Assert.Equal(before, await WishedProductsAsync(customer));
    }

    [StoreFact]
    public async Task Adding_a_product_twice_is_an_already_in_wishlist_error()
    {
        const int customer = 202;
        var productId = await UnwishedProductAsync(customer);
        await _client.QueryAsync(AddToWishlist, new { productId = ProductId(productId) }, TokenFor(customer));

        var again = (await _client.QueryAsync(AddToWishlist, new { productId = ProductId(productId) }, TokenFor(customer)))["addToWishlist"]!;

        Assert.Null(again["wishlistItem"]);
        var error = again["errors"]![0]!;
        Assert.Equal("AlreadyInWishlistError", (string?)error["__typename"]);
        Assert.Equal(ProductId(productId), (string?)error["productId"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Single(await WishedProductsAsync(customer), id => id == productId);
    }

    [StoreFact]
    public async Task Unknown_or_malformed_products_are_payload_errors_and_write_nothing()
    {
        const int customer = 203;
        var before = await WishedProductsAsync(customer);

        var unknown = await _client.QueryAsync(AddToWishlist, new { productId = ProductId(987654) }, TokenFor(customer));
        Assert.Equal("ProductNotFoundError", (string?)unknown["addToWishlist"]!["errors"]![0]!["__typename"]);
        Assert.Equal(ProductId(987654), (string?)unknown["addToWishlist"]!["errors"]![0]!["productId"]);

        var malformed = await _client.QueryAsync(AddToWishlist, new { productId = "not-an-id" }, TokenFor(customer));
        Assert.Equal("ValidationError", (string?)malformed["addToWishlist"]!["errors"]![0]!["__typename"]);
        Assert.Equal("productId", (string?)malformed["addToWishlist"]!["errors"]![0]!["field"]);

        var otherType = await _client.QueryAsync(AddToWishlist, new { productId = CustomerId(1) }, TokenFor(customer));
        Assert.Equal("ValidationError", (string?)otherType["addToWishlist"]!["errors"]![0]!["__typename"]);

        var removeUnknown = await _client.QueryAsync(RemoveFromWishlist, new { productId = ProductId(987654) }, TokenFor(customer));
        Assert.Equal("ProductNotFoundError", (string?)removeUnknown["removeFromWishlist"]!["errors"]![0]!["__typename"]);

        Assert.Equal(before, await WishedProductsAsync(customer));
    }

    [StoreFact]
    public async Task Removing_a_product_not_on_the_wishlist_is_a_not_in_wishlist_error()
    {
        const int customer = 204;
        var productId = await UnwishedProductAsync(customer);

        var data = await _client.QueryAsync(RemoveFromWishlist, new { productId = ProductId(productId) }, TokenFor(customer));

        var payload = data["removeFromWishlist"]!;
        Assert.Null(payload["product"]);
        Assert.Equal("NotInWishlistError", (string?)payload["errors"]![0]!["__typename"]);
        Assert.Equal(ProductId(productId), (string?)payload["errors"]![0]!["productId"]);
    }

    [StoreFact]
    public async Task Removing_acts_on_the_callers_own_wishlist_only()
    {
        var owner = await CustomerWithSeededItemsAsync();
        var wished = (await WishedProductsAsync(owner)).First();
        const int other = 205;
        Assert.DoesNotContain(wished, await WishedProductsAsync(other));

        var data = await _client.QueryAsync(RemoveFromWishlist, new { productId = ProductId(wished) }, TokenFor(other));

        Assert.Equal("NotInWishlistError", (string?)data["removeFromWishlist"]!["errors"]![0]!["__typename"]);
        Assert.Contains(wished, await WishedProductsAsync(owner));
    }

    [StoreFact]
    public async Task Anonymous_callers_cannot_change_or_read_a_wishlist()
    {
        var owner = await CustomerWithSeededItemsAsync();

        var add = await _client.PostGraphQLAsync(AddToWishlist, new { productId = ProductId(1) });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)add["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("addToWishlist", (string?)add["errors"]![0]!["path"]![0]);

        var remove = await _client.PostGraphQLAsync(RemoveFromWishlist, new { productId = ProductId(1) });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)remove["errors"]![0]!["extensions"]!["code"]);

        var root = await _client.PostGraphQLAsync("{ wishlistItems(first: 5) { totalCount } }");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)root["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(root["data"]?["wishlistItems"]);

        var field = await _client.PostGraphQLAsync(CustomerWishlist, new { id = CustomerId(owner) });
        Assert.NotNull(field["data"]!["node"]!["name"]);
        Assert.Null(field["data"]!["node"]!["wishlist"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)field["errors"]![0]!["extensions"]!["code"]);
    }

    [StoreFact]
    public async Task Another_customer_sees_neither_the_wishlist_nor_its_items()
    {
        var owner = await CustomerWithSeededItemsAsync();
        const int other = 206;

        var field = await _client.PostGraphQLAsync(CustomerWishlist, new { id = CustomerId(owner) }, bearerToken: TokenFor(other));
        Assert.NotNull(field["data"]!["node"]!["name"]);
        Assert.Null(field["data"]!["node"]!["wishlist"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)field["errors"]![0]!["extensions"]!["code"]);

        // An item reached by its id is narrowed by the row rule too: not found, as an unknown id, so not even its
        // existence leaks.
        var itemId = GlobalId.Encode("WishlistItem", await FirstItemIdAsync(owner));
        var node = await _client.PostGraphQLAsync($"{{ node(id: \"{itemId}\") {{ id ... on WishlistItem {{ addedAt }} }} }}", bearerToken: TokenFor(other));
        Assert.Null(node["data"]!["node"]);
        Assert.Null(node["errors"]);

        // The root field holds the caller's own items only.
        var root = await _client.QueryAsync("{ wishlistItems(first: 50) { totalCount nodes { customer { id } } } }", bearerToken: TokenFor(other));
        Assert.Equal((await WishedProductsAsync(other)).Count, (int)root["wishlistItems"]!["totalCount"]!);
        Assert.All(root["wishlistItems"]!["nodes"]!.AsArray(), n => Assert.Equal(CustomerId(other), (string?)n!["customer"]!["id"]));
    }

    [StoreFact]
    public async Task Admins_read_any_customers_wishlist_and_every_item()
    {
        var owner = await CustomerWithSeededItemsAsync();
        var admin = TokenFor(1, admin: true);

        var field = await _client.QueryAsync(CustomerWishlist, new { id = CustomerId(owner) }, admin);
        Assert.Equal((await WishedProductsAsync(owner)).Select(ProductId), ProductIdsOf(field["node"]!["wishlist"]));

        var itemId = GlobalId.Encode("WishlistItem", await FirstItemIdAsync(owner));
        var node = await _client.QueryAsync($"{{ node(id: \"{itemId}\") {{ id }} }}", bearerToken: admin);
        Assert.Equal(itemId, (string?)node["node"]!["id"]);

        var root = await _client.QueryAsync("{ wishlistItems(first: 1) { totalCount } }", bearerToken: admin);
        await using var db = await store.DbAsync();
        Assert.Equal(await db.WishlistItems.CountAsync(), (int)root["wishlistItems"]!["totalCount"]!);
    }

    [StoreFact]
    public async Task Filtering_customers_by_wishlist_is_no_oracle_for_who_wishes_for_what()
    {
        var owner = await CustomerWithSeededItemsAsync();
        var wished = (await WishedProductsAsync(owner)).First();
        var query = $"{{ customers(first: 5, where: {{ wishlist: {{ some: {{ product: {{ id: {{ eq: \"{ProductId(wished)}\" }} }} }} }} }}) {{ totalCount }} }}";

        var anonymous = await _client.PostGraphQLAsync(query);
        Assert.Null(anonymous["data"]!["customers"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)anonymous["errors"]![0]!["extensions"]!["code"]);

        var customer = await _client.PostGraphQLAsync(query, bearerToken: TokenFor(owner));
        Assert.Null(customer["data"]!["customers"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)customer["errors"]![0]!["extensions"]!["code"]);

        var admin = await _client.QueryAsync(query, bearerToken: TokenFor(1, admin: true));
        Assert.True((int)admin["customers"]!["totalCount"]! >= 1);
    }

    /// <summary>A customer whose seeded wishlist has several items, none of which a test here adds or removes.</summary>
    private async Task<int> CustomerWithSeededItemsAsync()
    {
        await using var db = await store.DbAsync();
        return await db.WishlistItems.Where(w => w.CustomerId < 200).GroupBy(w => w.CustomerId).Where(g => g.Count() >= 3)
            .OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
    }

    private async Task<int> FirstItemIdAsync(int customerId)
    {
        await using var db = await store.DbAsync();
        return await db.WishlistItems.Where(w => w.CustomerId == customerId).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WishlistHttpTestsOnPostgreSql(PostgreSqlMutationStore store) : WishlistHttpTests(store), IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql;
