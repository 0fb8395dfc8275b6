namespace Gateway.Errors;

/// <summary>
/// A rule of the domain the caller broke. Each one is a type in a mutation payload's error union
/// (<c>interface Error { message: String! }</c>); its message is written for the end user.
/// </summary>
public abstract class DomainException(string message) : Exception(message);
