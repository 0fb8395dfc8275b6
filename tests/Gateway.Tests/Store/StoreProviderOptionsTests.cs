using Gateway.Store;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Store;

public sealed class StoreProviderOptionsTests
{
    [Theory]
    [InlineData("PostgreSQL", StoreProvider.PostgreSql)]
    [InlineData("PostgreSql", StoreProvider.PostgreSql)]
    [InlineData("Sqlite", StoreProvider.Sqlite)]
    [InlineData("SQLite", StoreProvider.Sqlite)]
    public void Store_provider_binds_from_configuration_whatever_its_case(string configured, StoreProvider expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Store:Provider", configured)]).Build();

        Assert.Equal(expected, configuration.GetSection(StoreOptions.Section).Get<StoreOptions>()!.Provider);
    }

    [Fact]
    public void Sqlite_is_the_default_provider() => Assert.Equal(StoreProvider.Sqlite, new StoreOptions().Provider);
}
