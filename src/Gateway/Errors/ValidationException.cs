namespace Gateway.Errors;

/// <summary>An input field out of its bounds (<c>ValidationError { message field }</c>); <see cref="Field"/> names it as the client sent it.</summary>
public sealed class ValidationException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}
