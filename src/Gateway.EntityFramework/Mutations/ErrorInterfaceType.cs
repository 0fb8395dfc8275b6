using GraphQL.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary><c>interface Error { message: String! }</c>: what every member of a mutation payload's error union implements.</summary>
public sealed class ErrorInterfaceType : InterfaceGraphType
{
    /// <summary>Creates the interface.</summary>
    public ErrorInterfaceType()
    {
        Name = "Error";
        Description = "A rule the mutation's input broke; nothing was written.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, for the end user.");
    }
}
