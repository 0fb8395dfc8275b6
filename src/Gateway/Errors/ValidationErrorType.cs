using GraphQL.Types;

namespace Gateway.Errors;

/// <summary><c>ValidationError { message field }</c>.</summary>
public sealed class ValidationErrorType : ErrorObjectType<ValidationException>
{
    public ValidationErrorType() : base("An input field is out of its bounds.") =>
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field, as the client named it.").Resolve(context => context.Source.Field);
}
