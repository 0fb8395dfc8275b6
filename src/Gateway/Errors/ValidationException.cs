using Gateway.EntityFramework.Mutations;

namespace Gateway.Errors;

/// <summary>
/// An input field out of its bounds, as the domain services report it (<c>ValidationError { message field }</c>);
/// <see cref="InputValidationException.Field"/> names it as the client sent it. Every mutation's union has this member.
/// </summary>
public sealed class ValidationException(string field, string message) : InputValidationException(field, message);
