using Gateway.Auth;

namespace Gateway.Tests.Auth;

public class TokenRequestTests
{
    [Fact]
    public void Parses_customer_role_and_hours()
    {
        Assert.True(TokenRequest.TryParse(["--customer", "5", "--role", "admin", "--hours", "1.5"], out var request, out _));
        Assert.Equal(new TokenRequest(5, true, TimeSpan.FromHours(1.5)), request);
        Assert.True(TokenRequest.TryParse(["--customer", "5"], out request, out _));
        Assert.Equal(new TokenRequest(5, false, null), request);
    }

    [Theory]
    [InlineData("--role", "admin")]
    [InlineData("--customer", "x")]
    [InlineData("--customer", "0")]
    [InlineData("--customer", "5", "--role", "root")]
    [InlineData("--customer", "5", "--hours", "0")]
    [InlineData("--customer", "5", "--hours")]
    [InlineData("--customer", "5", "--color", "red")]
    public void Rejects_incomplete_or_unknown_arguments_with_a_reason(params string[] args)
    {
        Assert.False(TokenRequest.TryParse(args, out var request, out var problem));
        Assert.Null(request);
        Assert.NotEmpty(problem);
    }
}
