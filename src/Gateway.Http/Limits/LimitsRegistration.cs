using Gateway.Http.Cost;
using GraphQL.DI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Registers the edge protections (cost analysis, limits, introspection switch, timeout, error cap, rate limiting)
/// as GraphQL.NET execution steps, so they hold for every transport that uses the <c>IDocumentExecuter</c>.
/// Options are bound from their <c>GraphQL:*</c> sections; code configured with <c>services.Configure</c> wins.
/// </summary>
internal static class LimitsRegistration
{
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services)
    {
        // AddGraphQLHttp may be called more than once; bind the sections once.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(Registered)))
        {
            return services;
        }

        services.AddSingleton<Registered>();
        services.AddHttpContextAccessor();
        Bind<GraphQLCostOptions>(services, GraphQLCostOptions.ConfigurationSection);
        Bind<GraphQLLimitsOptions>(services, GraphQLLimitsOptions.ConfigurationSection);
        Bind<GraphQLExecutionLimitsOptions>(services, GraphQLExecutionLimitsOptions.ConfigurationSection);
        Bind<GraphQLRateLimitOptions>(services, GraphQLRateLimitOptions.ConfigurationSection);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GraphQLIntrospectionOptions>, IntrospectionOptionsSetup>());

        services.AddSingleton<IValidateOptions<GraphQLLimitsOptions>, LimitsOptionsValidation>();
        services.AddSingleton<IValidateOptions<GraphQLCostOptions>, LimitsOptionsValidation>();
        services.AddSingleton<IValidateOptions<GraphQLRateLimitOptions>, LimitsOptionsValidation>();
        services.AddOptions<GraphQLLimitsOptions>().ValidateOnStart();
        services.AddOptions<GraphQLCostOptions>().ValidateOnStart();
        services.AddOptions<GraphQLRateLimitOptions>().ValidateOnStart();
        services.TryAddSingleton<CostRateLimiter>();
        services.TryAddSingleton<OperationCostRule>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, ErrorLimit>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, OperationGuard>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, DocumentGuard>());
        return services;
    }

    private static void Bind<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddSingleton<IConfigureOptions<TOptions>>(
            provider => new ConfigureNamedOptions<TOptions>(Options.DefaultName, options =>
                provider.GetService<IConfiguration>()?.GetSection(section).Bind(options)));

    private sealed class Registered;

    /// <summary>On in Development, off elsewhere, unless configuration says otherwise.</summary>
    private sealed class IntrospectionOptionsSetup(IServiceProvider services) : IConfigureOptions<GraphQLIntrospectionOptions>
    {
        public void Configure(GraphQLIntrospectionOptions options)
        {
            options.Enabled = services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
            services.GetService<IConfiguration>()?.GetSection(GraphQLIntrospectionOptions.ConfigurationSection).Bind(options);
        }
    }
}
