using GraphQL;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// Decides whether the caller may use a field declared with <see cref="EntityFieldBuilder.Authorize"/>.
/// Resolved from the request services; register one implementation (e.g. backed by ASP.NET Core's
/// <c>IAuthorizationService</c>).
/// </summary>
public interface IEntityFieldAuthorizer
{
    /// <summary>
    /// Returns whether the caller satisfies <paramref name="policy"/>.
    /// </summary>
    /// <param name="context">The field being resolved, or the root field whose filter/sort names the field.</param>
    /// <param name="policy">The policy named by the field.</param>
    /// <param name="row">The projected row the field is read from, or <see langword="null"/> when the check is for filtering or sorting.</param>
    ValueTask<bool> AuthorizeAsync(IResolveFieldContext context, string policy, EntityRow? row);
}
