namespace Gateway.Auth;

/// <summary>
/// Thrown by a domain service when the caller may not do what it asked; the API layer answers it with
/// <see cref="AuthorizationErrors.NotAuthorized"/> (a field error, not a payload error).
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
