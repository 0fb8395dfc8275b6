using Gateway.Http.Persisted;
using GraphQL.DI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Http;

/// <summary>Registers persisted operations (manifest, APQ, trusted documents mode) for every transport.</summary>
public static class PersistedOperationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the persisted operations step to GraphQL.NET's executer, so that the HTTP endpoint and the WebSocket
    /// transport both accept <c>documentId</c>s and APQ hashes. Options are bound from
    /// <see cref="PersistedOperationOptions.ConfigurationSection"/>, then <paramref name="configure"/> runs; the
    /// manifest is loaded and checked at start-up.
    /// </summary>
    public static IServiceCollection AddGraphQLPersistedOperations(this IServiceCollection services, Action<PersistedOperationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PersistedOperationOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(PersistedOperationOptions.ConfigurationSection).Bind(options))
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersistedOperationOptions>, PersistedOperationOptionsValidation>());
        services.TryAddSingleton<PersistedDocumentStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, PersistedOperationHandler>());
        return services;
    }

    /// <summary>Loads the manifest once at start-up, so a missing or stale file stops the host with the reason.</summary>
    private sealed class PersistedOperationOptionsValidation : IValidateOptions<PersistedOperationOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersistedOperationOptions options)
        {
            if (options.AutomaticPersistedQueryCacheSize <= 0)
            {
                return ValidateOptionsResult.Fail($"{nameof(PersistedOperationOptions.AutomaticPersistedQueryCacheSize)} must be positive.");
            }

            if (options.ManifestPath is null)
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                PersistedOperationManifest.Load(PersistedDocumentStore.ResolvePath(options.ManifestPath));
                return ValidateOptionsResult.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return ValidateOptionsResult.Fail($"{nameof(PersistedOperationOptions.ManifestPath)}: {ex.Message}");
            }
        }
    }
}
