using Gateway.EntityFramework.Mutations;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>A module's <see cref="MutationFields"/> or <see cref="SubscriptionFields"/> class, in registration order.</summary>
internal sealed record RootFieldsRegistration(Type DeclarationType)
{
    /// <summary>One instance of each registered declaration class deriving from <typeparamref name="T"/>, constructor dependencies from DI.</summary>
    public static IEnumerable<T> Instances<T>(IServiceProvider services)
        where T : notnull =>
        services.GetServices<RootFieldsRegistration>()
            .Where(r => typeof(T).IsAssignableFrom(r.DeclarationType))
            .Select(r => (T)ActivatorUtilities.CreateInstance(services, r.DeclarationType));
}
