using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// The mutations a module adds to the <c>Mutation</c> root, declared in Hot Chocolate's convention: a method over a
/// typed input record that returns an entity. From each declaration the engine generates <c>{Name}Input</c> (from the
/// record), <c>{Name}Payload { {entity}: {Entity}, errors: [{Name}Error!] }</c> and the union <c>{Name}Error</c> of the
/// declared error types, plus <c>ValidationError</c>. Register with
/// <see cref="RootFieldsServiceCollectionExtensions.AddMutationFields{TFields}"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class ReviewMutations : MutationFields
/// {
///     public ReviewMutations() =&gt;
///         Mutation&lt;AddReviewInput, ReviewService, Review&gt;("addReview", AddReviewAsync)
///             .Authorize("signed-in")
///             .Error&lt;DuplicateReviewException&gt;();
///
///     private static Task&lt;Review&gt; AddReviewAsync(AddReviewInput input, ReviewService reviews, IResolveFieldContext context) =&gt;
///         reviews.AddReviewAsync(input, context.CancellationToken);
/// }
/// </code>
/// </example>
public abstract class MutationFields
{
    private readonly List<MutationDefinition> _definitions = [];

    internal IReadOnlyList<MutationDefinition> Definitions => _definitions;

    /// <summary>
    /// Declares the mutation <paramref name="name"/>: <paramref name="resolve"/> receives the client's input as a
    /// <typeparamref name="TInput"/> (global ids decoded, validation attributes checked) and returns the
    /// <typeparamref name="TResult"/> it wrote, which the payload loads through the engine for the client's selection.
    /// An exception declared with <see cref="MutationBuilder.Error{TException}"/> becomes a payload error; any other
    /// propagates as a field error (its details hidden unless the host exposes them).
    /// </summary>
    /// <typeparam name="TInput">A record (or class with a public constructor and properties) of the input's fields.</typeparam>
    /// <typeparam name="TResult">An entity with a registered <c>EntityType&lt;T&gt;</c> that declares an id.</typeparam>
    protected MutationBuilder Mutation<TInput, TResult>(string name, Func<TInput, IResolveFieldContext, Task<TResult>> resolve)
        where TInput : class
        where TResult : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(resolve);
        var definition = new MutationDefinition(
            name,
            typeof(TInput),
            typeof(TResult),
            async (input, context) => await resolve((TInput)input, context).ConfigureAwait(false),
            async (context, key) => await context.LoadEntityAsync<TResult>(key).ConfigureAwait(false));
        _definitions.Add(definition);
        return new MutationBuilder(definition);
    }

    /// <summary>
    /// Declares the mutation <paramref name="name"/> as <see cref="Mutation{TInput, TResult}(string, Func{TInput, IResolveFieldContext, Task{TResult}})"/>
    /// does, with <typeparamref name="TService"/> from the request services handed to <paramref name="resolve"/>
    /// (Hot Chocolate's injected service parameter).
    /// </summary>
    protected MutationBuilder Mutation<TInput, TService, TResult>(string name, Func<TInput, TService, IResolveFieldContext, Task<TResult>> resolve)
        where TInput : class
        where TService : notnull
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return Mutation<TInput, TResult>(name, (input, context) => resolve(input, RequestServices(context).GetRequiredService<TService>(), context));
    }

    private static IServiceProvider RequestServices(IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to run mutations.");
}
