using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Execution;

/// <summary>
/// GraphQL.NET's validator, without the walk it does for nothing on cached documents. GraphQL.NET 8.8 walks the whole
/// document with its type information before its rules' "post" step whenever any rule is given, even when no rule
/// looks at that walk (later releases skip it). The rules that run again on a cached document, the cost and the
/// filter breadth, only act in that post step, on the parsed arguments: for such a rule set this validator lets
/// GraphQL.NET coerce the variables and parse the arguments without rules, then runs the rules' post step itself on
/// the same values. That walk was about a tenth of a product page's time in-process (docs/performance.md, change 17).
/// The variables and arguments are read by <see cref="CachedOperationArguments"/>, without GraphQL.NET's two walks.
/// Any rule that does visit nodes, and every validation of a fresh document, goes to GraphQL.NET's validator as is.
/// </summary>
internal sealed class PostNodeRulesValidator(DocumentValidator inner) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not { } rules || !rules.Any() || !rules.All(IsPostNodeOnly))
        {
            return inner.ValidateAsync(options);
        }

        return ValidateWithPostNodeRulesAsync(options, [.. rules]);
    }

    private async Task<IValidationResult> ValidateWithPostNodeRulesAsync(ValidationOptions options, IValidationRule[] rules)
    {
        var parsed = await CachedOperationArguments.ParseAsync(options).ConfigureAwait(false)
            ?? await inner.ValidateAsync(options with { Rules = [] }).ConfigureAwait(false);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        var context = ValidationContexts.For(options, options.Operation);
        // GraphQL.NET hands out the dictionaries it parsed into; copied only if it ever stops doing so.
        context.ArgumentValues = parsed.ArgumentValues as Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>
            ?? (parsed.ArgumentValues is { } arguments ? new(arguments) : null);
        context.DirectiveValues = parsed.DirectiveValues as Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>
            ?? (parsed.DirectiveValues is { } directives ? new(directives) : null);
        foreach (var rule in rules)
        {
            if (await rule.GetPostNodeVisitorAsync(context).ConfigureAwait(false) is not null)
            {
                // A rule that wants to visit after all: GraphQL.NET's own validation, walk included.
                return await inner.ValidateAsync(options).ConfigureAwait(false);
            }
        }

        if (!context.HasErrors)
        {
            return parsed;
        }

        return new ValidationResult(context.Errors)
        {
            Variables = parsed.Variables,
            ArgumentValues = parsed.ArgumentValues,
            DirectiveValues = parsed.DirectiveValues,
        };
    }

    /// <summary>
    /// A rule that overrides neither the pre-step visitor nor the variable visitor of <see cref="ValidationRuleBase"/>:
    /// it can only act in the post step (the cost rule and the filter breadth rule are such rules).
    /// </summary>
    private static bool IsPostNodeOnly(IValidationRule rule) => PostNodeOnly.GetOrAdd(rule.GetType(), static type =>
        typeof(ValidationRuleBase).IsAssignableFrom(type)
        && type.GetMethod(nameof(ValidationRuleBase.GetPreNodeVisitorAsync))!.DeclaringType == typeof(ValidationRuleBase)
        && type.GetMethod(nameof(ValidationRuleBase.GetVariableVisitorAsync))!.DeclaringType == typeof(ValidationRuleBase));

    private static readonly ConcurrentDictionary<Type, bool> PostNodeOnly = new();
}
