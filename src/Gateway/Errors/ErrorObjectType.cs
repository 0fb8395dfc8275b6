using GraphQL.Types;

namespace Gateway.Errors;

/// <summary>
/// The GraphQL error type of a <see cref="DomainException"/>, named as Hot Chocolate names them
/// (<c>OutOfStockException</c> becomes <c>OutOfStockError</c>); subclasses add the exception's extra fields.
/// </summary>
public abstract class ErrorObjectType<TException> : ObjectGraphType<TException>
    where TException : DomainException
{
    protected ErrorObjectType(string description)
    {
        Name = NameOf(typeof(TException));
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(context => context.Source.Message);
        Interface<ErrorInterfaceType>();
        IsTypeOf = value => value is TException;
    }

    internal static string NameOf(Type exceptionType) =>
        (exceptionType.Name.EndsWith("Exception", StringComparison.Ordinal) ? exceptionType.Name[..^"Exception".Length] : exceptionType.Name) + "Error";
}
