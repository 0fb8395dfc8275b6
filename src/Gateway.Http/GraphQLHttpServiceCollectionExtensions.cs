using Gateway.Http.Execution;
using Gateway.Http.Ide;
using Gateway.Http.Limits;
using Gateway.Http.Transport;
using GraphQL;
using GraphQL.Validation;
using GraphQL.DI;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Http;

/// <summary>Registers the GraphQL-over-HTTP transport of Gateway.Http.</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the transport and its document cache. The schema, <see cref="IDocumentExecuter"/> and GraphQL.NET's
    /// other services come from <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;TSchema&gt;())</c>, which the host calls.
    /// Options are bound from the <see cref="GraphQLHttpOptions.ConfigurationSection"/> configuration section, then
    /// <paramref name="configure"/> runs; <see cref="GraphQLHttpOptions.ExposeExceptionDetails"/> defaults to
    /// whether the environment is Development.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GraphQLHttpOptions>, GraphQLHttpOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphQLHttpOptions>, GraphQLHttpOptionsValidation>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<GraphQLHttpHandler>();
        services.TryAddSingleton<BananaCakePopIde>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, DocumentCache>());
        // Spares cached documents a walk GraphQL.NET's validator does for nothing. Replaces GraphQL.NET's registration
        // whichever comes first (it only registers one when there is none).
        services.TryAddSingleton<DocumentValidator>();
        services.RemoveAll<IDocumentValidator>();
        services.AddSingleton<IDocumentValidator, PostNodeRulesValidator>();

        services.AddGraphQLLimits();
        return services;
    }

    /// <summary>
    /// Adds a hook that adjusts each operation's <see cref="ExecutionOptions"/> with the <see cref="HttpContext"/>
    /// at hand, e.g. to set a user context or add listeners; see <see cref="IConfigureGraphQLHttpExecution"/>.
    /// </summary>
    public static IServiceCollection ConfigureGraphQLHttpExecution(this IServiceCollection services, Action<ExecutionOptions, HttpContext> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSingleton<IConfigureGraphQLHttpExecution>(new DelegateExecutionConfiguration(configure));
    }

    private sealed class DelegateExecutionConfiguration(Action<ExecutionOptions, HttpContext> configure) : IConfigureGraphQLHttpExecution
    {
        public void Configure(ExecutionOptions options, HttpContext httpContext) => configure(options, httpContext);
    }

    /// <summary>Environment default first, then the configuration section; IConfiguration and IHostEnvironment are optional.</summary>
    private sealed class GraphQLHttpOptionsSetup(IServiceProvider services) : IConfigureOptions<GraphQLHttpOptions>
    {
        public void Configure(GraphQLHttpOptions options)
        {
            options.ExposeExceptionDetails = services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
            services.GetService<IConfiguration>()?.GetSection(GraphQLHttpOptions.ConfigurationSection).Bind(options);
        }
    }

    private sealed class GraphQLHttpOptionsValidation : IValidateOptions<GraphQLHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLHttpOptions options)
        {
            var failures = new List<string>();
            if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/' || (options.Path.Length > 1 && options.Path.EndsWith('/')))
            {
                failures.Add($"{nameof(GraphQLHttpOptions.Path)} must start with '/' and not end with one (was '{options.Path}').");
            }

            if (options.MaxRequestBodySize <= 0)
            {
                failures.Add($"{nameof(GraphQLHttpOptions.MaxRequestBodySize)} must be positive.");
            }

            if (options.MaxBatchSize <= 0)
            {
                failures.Add($"{nameof(GraphQLHttpOptions.MaxBatchSize)} must be positive.");
            }

            if (options.DocumentCacheSize < 0)
            {
                failures.Add($"{nameof(GraphQLHttpOptions.DocumentCacheSize)} must be 0 (off) or positive.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
