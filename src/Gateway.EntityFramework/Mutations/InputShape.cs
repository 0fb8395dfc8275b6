using System.ComponentModel.DataAnnotations;
using System.Reflection;
using GraphQL.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary>How one input record maps to its GraphQL input object type, for reading and validating the client's value.</summary>
internal sealed class InputShape(Type clrType, ConstructorInfo constructor, InputObjectGraphType graphType)
{
    public Type ClrType { get; } = clrType;

    /// <summary>The constructor with the most parameters (a positional record's primary constructor).</summary>
    public ConstructorInfo Constructor { get; } = constructor;

    public InputObjectGraphType GraphType { get; } = graphType;

    public List<InputField> Fields { get; } = [];
}

/// <summary>One field of an input record.</summary>
internal sealed class InputField(DeclaredMember member, InputValue value)
{
    public DeclaredMember Member { get; } = member;

    public InputValue Value { get; } = value;

    public string Name => Member.Name;

    public IReadOnlyList<ValidationAttribute> Validators { get; } = [.. member.Attributes<ValidationAttribute>()];
}

/// <summary>
/// The value of an input field: a scalar or enum, a global id of <see cref="GlobalIdType"/>, a nested
/// <see cref="Record"/>, or a list of <see cref="Element"/>.
/// </summary>
internal sealed record InputValue(Type ClrType, bool Nullable, string? GlobalIdType = null, InputShape? Record = null, InputValue? Element = null);
