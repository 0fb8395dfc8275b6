using Gateway.Reviews;
using Gateway.Sales;
using GraphQL.Types;

namespace Gateway.Errors;

/// <summary>
/// The <c>Mutation</c> root: every mutation follows Hot Chocolate's conventions (one <c>input</c> argument, a payload
/// holding the entity and <c>errors</c>, a union of types implementing <c>Error</c>). Set it as the schema's mutation type.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        ReviewMutations.AddTo(this);
        OrderMutations.AddTo(this);
    }
}
