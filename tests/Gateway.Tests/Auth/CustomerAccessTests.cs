using System.Security.Claims;
using Gateway.Auth;

namespace Gateway.Tests.Auth;

public class CustomerAccessTests
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    internal static ClaimsPrincipal SignedIn(int customerId, string role = StorefrontClaims.CustomerRole) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, customerId.ToString()), new Claim(ClaimTypes.Role, role), new Claim("name", "Test")],
            authenticationType: "Bearer", nameType: "name", roleType: ClaimTypes.Role));

    [Fact]
    public void Anonymous_callers_have_no_customer_id_and_see_no_private_data()
    {
        Assert.Null(CustomerAccess.CustomerIdOf(Anonymous));
        Assert.Null(CustomerAccess.CustomerIdOf(null));
        Assert.False(CustomerAccess.IsAdmin(Anonymous));
        Assert.False(CustomerAccess.CanSeePrivateDataOf(Anonymous, 1));
        Assert.Null(Caller.From(Anonymous));
    }

    [Fact]
    public void Customers_see_their_own_private_data_only()
    {
        var user = SignedIn(7);
        Assert.Equal(7, CustomerAccess.CustomerIdOf(user));
        Assert.True(CustomerAccess.CanSeePrivateDataOf(user, 7));
        Assert.False(CustomerAccess.CanSeePrivateDataOf(user, 8));
        Assert.False(CustomerAccess.IsAdmin(user));
    }

    [Fact]
    public void Admins_see_everyones_private_data()
    {
        var admin = SignedIn(3, StorefrontClaims.AdminRole);
        Assert.True(CustomerAccess.IsAdmin(admin));
        Assert.True(CustomerAccess.CanSeePrivateDataOf(admin, 3));
        Assert.True(CustomerAccess.CanSeePrivateDataOf(admin, 400));
        Assert.Equal(new Caller(3, IsAdmin: true), Caller.From(admin));
    }

    [Fact]
    public void The_raw_sub_and_role_claims_count_when_inbound_claim_mapping_is_off()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "12"), new Claim("role", "admin")], "Bearer"));
        Assert.Equal(12, CustomerAccess.CustomerIdOf(user));
        Assert.True(CustomerAccess.IsAdmin(user));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-4")]
    [InlineData("")]
    public void A_subject_that_is_not_a_customer_id_is_not_signed_in(string subject)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Role, "admin")], "Bearer"));
        Assert.Null(CustomerAccess.CustomerIdOf(user));
        Assert.False(CustomerAccess.IsAdmin(user));
        Assert.False(CustomerAccess.CanSeePrivateDataOf(user, 1));
    }

    [Fact]
    public void Unauthenticated_identities_are_anonymous_even_with_a_subject_claim()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "5")]));
        Assert.Null(CustomerAccess.CustomerIdOf(user));
    }

    [Fact]
    public void Authorization_errors_carry_hot_chocolates_codes_and_the_path()
    {
        var notAuthenticated = AuthorizationErrors.NotAuthenticated(["customers", 0, "email"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", notAuthenticated.Code);
        Assert.Equal(["customers", 0, "email"], notAuthenticated.Path!);
        Assert.Equal("AUTH_NOT_AUTHORIZED", AuthorizationErrors.NotAuthorized().Code);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", AuthorizationErrors.Denied(Anonymous).Code);
        Assert.Equal("AUTH_NOT_AUTHORIZED", AuthorizationErrors.Denied(SignedIn(1)).Code);
    }
}
