using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class CustomersApiTests(RestApiFactory factory)
{
    [Fact]
    public async Task A_customers_email_is_hidden_from_anonymous_callers_and_other_customers()
    {
        var anonymous = await factory.CreateClient().GetOkAsync<CustomerJson>("/api/customers/5");
        var other = await factory.ClientFor(6).GetOkAsync<CustomerJson>("/api/customers/5");

        Assert.Null(anonymous.Email);
        Assert.Null(other.Email);
        Assert.Equal(5, anonymous.Id);
        Assert.False(string.IsNullOrEmpty(anonymous.Name));
    }

    [Fact]
    public async Task A_customers_email_is_shown_to_the_customer_and_to_admins()
    {
        await using var db = factory.Store();
        var email = await db.Customers.Where(c => c.Id == 5).Select(c => c.Email).SingleAsync();

        var own = await factory.ClientFor(5).GetOkAsync<CustomerJson>("/api/customers/5");
        var admin = await factory.ClientFor(1, admin: true).GetOkAsync<CustomerJson>("/api/customers/5");

        Assert.Equal(email, own.Email);
        Assert.Equal(email, admin.Email);
    }

    [Fact]
    public async Task Me_is_the_signed_in_customer_with_the_email()
    {
        await using var db = factory.Store();
        var expected = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 12);

        var me = await factory.ClientFor(12).GetOkAsync<CustomerJson>("/api/me");

        Assert.Equal((expected.Id, expected.Name, expected.Email), (me.Id, me.Name, me.Email));
        Assert.Equal(expected.MemberSince, me.MemberSince.UtcDateTime);
    }

    [Fact]
    public async Task Me_needs_a_signed_in_customer()
    {
        using var response = await factory.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_with_an_invalid_token_is_401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_customer_is_404()
    {
        using var response = await factory.CreateClient().GetAsync("/api/customers/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
