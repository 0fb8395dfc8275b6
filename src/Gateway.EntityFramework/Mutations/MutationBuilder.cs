namespace Gateway.EntityFramework.Mutations;

/// <summary>Completes a mutation declared with <see cref="MutationFields"/>: its description, policy and domain errors.</summary>
public sealed class MutationBuilder
{
    private readonly MutationDefinition _definition;

    internal MutationBuilder(MutationDefinition definition) => _definition = definition;

    /// <summary>The mutation field's description.</summary>
    public MutationBuilder Description(string description)
    {
        _definition.Description = description;
        return this;
    }

    /// <summary>
    /// Checks <paramref name="policy"/> through the request's <c>IEntityFieldAuthorizer</c> before the input is read,
    /// so a caller who may not run the mutation learns nothing about its input rules; a denial is a field error.
    /// </summary>
    public MutationBuilder Authorize(string policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(policy);
        _definition.Policy = policy;
        return this;
    }

    /// <summary>
    /// Declares a domain error, as Hot Chocolate's <c>[Error&lt;TException&gt;]</c>: a thrown <typeparamref name="TException"/>
    /// (or subclass) lands in the payload's <c>errors</c> as its error type, named from the exception
    /// (<c>OutOfStockException</c> becomes <c>OutOfStockError</c>, or its <c>[Name]</c>) and implementing <c>Error</c>;
    /// its public properties become fields (<c>[Description]</c>, <c>[Name]</c>, <c>[Ignore]</c> and
    /// <see cref="GlobalIdAttribute"/> apply). Union members follow the order of declaration, then <c>ValidationError</c>.
    /// </summary>
    public MutationBuilder Error<TException>()
        where TException : Exception
    {
        if (!_definition.Errors.Contains(typeof(TException)))
        {
            _definition.Errors.Add(typeof(TException));
        }

        return this;
    }
}
