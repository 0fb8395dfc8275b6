using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.DataLoader;

/// <summary>Finds a request's loaders from a field resolver.</summary>
public static class ResolveFieldContextExtensions
{
    /// <summary>
    /// The request's instance of <typeparamref name="TLoader"/>, e.g.
    /// <c>ctx.GetDataLoader&lt;ProductByIdLoader&gt;().LoadAsync(ctx.Source.ProductId)</c>.
    /// </summary>
    /// <typeparam name="TLoader">A loader registered with <c>AddDataLoader</c>.</typeparam>
    /// <param name="context">The resolve context.</param>
    /// <returns>The loader scoped to the request.</returns>
    /// <exception cref="InvalidOperationException">
    /// When <c>ExecutionOptions.RequestServices</c> was not set, or the loader is not registered.
    /// </exception>
    public static TLoader GetDataLoader<TLoader>(this IResolveFieldContext context)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices
            ?? throw new InvalidOperationException(
                $"Cannot resolve {typeof(TLoader).Name}: ExecutionOptions.RequestServices is not set. "
                + "DataLoaders are request-scoped and come from the request's service scope.");
        return services.GetRequiredService<TLoader>();
    }
}
