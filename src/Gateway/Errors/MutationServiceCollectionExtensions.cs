using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Sales;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Errors;

public static class MutationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storefront's mutations: the <c>Mutation</c> root (set on the schema as it is built), their input,
    /// payload and error types, the services behind them (<see cref="ReviewService"/>, <see cref="OrderService"/>) and
    /// the event bus they publish to (an event bus registered earlier is kept).
    /// </summary>
    public static IServiceCollection AddStorefrontMutations(this IServiceCollection services)
    {
        services.AddInMemoryEventBus();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<OrderService>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureSchema, MutationSchemaConfiguration>());
        services.TryAddTransient<MutationType>();
        services.TryAddTransient<ErrorInterfaceType>();
        services.TryAddTransient<ValidationErrorType>();
        services.TryAddTransient<ProductNotFoundErrorType>();
        services.TryAddTransient<AddReviewInputType>();
        services.TryAddTransient<AddReviewPayloadType>();
        services.TryAddTransient<AddReviewErrorType>();
        services.TryAddTransient<DuplicateReviewErrorType>();
        services.TryAddTransient<PlaceOrderInputType>();
        services.TryAddTransient<PlaceOrderLineInputType>();
        services.TryAddTransient<PlaceOrderPayloadType>();
        services.TryAddTransient<PlaceOrderErrorType>();
        services.TryAddTransient<InvalidQuantityErrorType>();
        services.TryAddTransient<OutOfStockErrorType>();
        services.TryAddTransient<CancelOrderInputType>();
        services.TryAddTransient<CancelOrderPayloadType>();
        services.TryAddTransient<CancelOrderErrorType>();
        services.TryAddTransient<OrderNotFoundErrorType>();
        services.TryAddTransient<InvalidOrderStatusErrorType>();
        services.TryAddTransient<UpdateOrderStatusInputType>();
        services.TryAddTransient<UpdateOrderStatusPayloadType>();
        services.TryAddTransient<UpdateOrderStatusErrorType>();
        return services;
    }
}
