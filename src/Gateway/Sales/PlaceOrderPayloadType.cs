using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary><c>union PlaceOrderError = InvalidQuantityError | OutOfStockError | ProductNotFoundError | ValidationError</c>.</summary>
public sealed class PlaceOrderErrorType : UnionGraphType
{
    public PlaceOrderErrorType()
    {
        Name = "PlaceOrderError";
        Type<InvalidQuantityErrorType>();
        Type<OutOfStockErrorType>();
        Type<ProductNotFoundErrorType>();
        Type<ValidationErrorType>();
    }
}

/// <summary><c>type PlaceOrderPayload { order: Order, errors: [PlaceOrderError!] }</c>.</summary>
public sealed class PlaceOrderPayloadType() : EntityPayloadType<Order, PlaceOrderErrorType>("PlaceOrderPayload", "order", "Order");
