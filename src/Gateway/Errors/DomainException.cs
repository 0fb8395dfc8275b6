namespace Gateway.Errors;

/// <summary>
/// A rule of the domain the caller broke. A mutation declares the ones it may throw (<c>.Error&lt;T&gt;()</c>), and
/// each becomes a type in its payload's error union (<c>interface Error { message: String! }</c>); its message is
/// written for the end user.
/// </summary>
public abstract class DomainException(string message) : Exception(message);
