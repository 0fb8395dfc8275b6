using Gateway.EntityFramework.Types;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Registers JWT bearer authentication configured from the <c>Auth</c> section (validated at start-up),
    /// the <see cref="TokenIssuer"/>, the query engine's field authorizer, and the 401 answer for requests whose Authorization header fails validation.
    /// Requests without the header stay anonymous.
    /// </summary>
    public static IServiceCollection AddStorefrontAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearerOptions>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<IEntityFieldAuthorizer, StorefrontFieldAuthorizer>();
        services.AddTransient<IStartupFilter, RejectInvalidBearerStartupFilter>();
        return services;
    }
}
