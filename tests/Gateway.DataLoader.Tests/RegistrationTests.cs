using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.DataLoader.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddDataLoader_registers_one_instance_per_scope()
    {
        var services = new ServiceCollection().AddSingleton<BatchLog>();
        services.AddDataLoader<CategoryByIdLoader>().AddDataLoader<CategoryByIdLoader>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(CategoryByIdLoader));
        Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ServiceType == typeof(CategoryByIdLoader)).Lifetime);
        Assert.Same(first.ServiceProvider.GetRequiredService<CategoryByIdLoader>(), first.ServiceProvider.GetRequiredService<CategoryByIdLoader>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<CategoryByIdLoader>(), second.ServiceProvider.GetRequiredService<CategoryByIdLoader>());
    }

    [Fact]
    public void The_GraphQL_builder_registers_loaders_as_scoped_services()
    {
        var services = new ServiceCollection();
        services.AddGraphQL(builder => builder.AddDataLoader<ReviewsByProductIdLoader>());

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ReviewsByProductIdLoader));
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
    }

    [Fact]
    public void GetDataLoader_without_request_services_says_what_is_missing()
    {
        var context = new ResolveFieldContext();

        var exception = Assert.Throws<InvalidOperationException>(() => context.GetDataLoader<CategoryByIdLoader>());

        Assert.Contains("RequestServices", exception.Message);
    }
}
