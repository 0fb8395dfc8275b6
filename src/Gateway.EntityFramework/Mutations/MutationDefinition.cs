using GraphQL;

namespace Gateway.EntityFramework.Mutations;

/// <summary>One declared mutation, completed into a root field by <see cref="MutationFieldFactory"/> once the engine's model exists.</summary>
internal sealed class MutationDefinition(
    string name,
    Type inputType,
    Type resultType,
    Func<object, IResolveFieldContext, Task<object?>> resolve,
    Func<IResolveFieldContext, object, Task<object?>> loadResult)
{
    public string Name { get; } = name;

    public Type InputType { get; } = inputType;

    /// <summary>The entity the mutation returns; the payload's result field is its entity type.</summary>
    public Type ResultType { get; } = resultType;

    /// <summary>The module's delegate over the typed input.</summary>
    public Func<object, IResolveFieldContext, Task<object?>> Resolve { get; } = resolve;

    /// <summary>Loads the written entity by key, projected for the payload field's selection.</summary>
    public Func<IResolveFieldContext, object, Task<object?>> LoadResult { get; } = loadResult;

    public string? Description { get; set; }

    public string? Policy { get; set; }

    public List<Type> Errors { get; } = [];
}
