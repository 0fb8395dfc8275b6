using System.ComponentModel;
using GraphQL;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// An input field broke a rule: <c>ValidationError { message field }</c> in every mutation's payload. The engine
/// throws it for a malformed global id or a failed validation attribute; domain code may throw it (or a subclass) too.
/// </summary>
[Name("ValidationError")]
[Description("An input field is out of its bounds.")]
public class InputValidationException(string field, string message) : Exception(message)
{
    /// <summary>The input field as the client named it; a path for nested fields (<c>lines[0].productId</c>).</summary>
    [Description("The input field, as the client named it.")]
    public string Field { get; } = field;
}
