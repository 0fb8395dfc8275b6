namespace Gateway.Http;

/// <summary>
/// Limits on the shape of a request, checked before anything executes; each refusal has its own error code.
/// Bound from <c>GraphQL:Limits</c>. Defaults leave the storefront's screens and the IDE's introspection far inside.
/// </summary>
public sealed class GraphQLLimitsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Limits";

    /// <summary>Most lexical tokens in a document (<c>MAX_TOKENS_EXCEEDED</c>). Default 15,000.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Deepest nesting the parser follows: selections, lists, objects (<c>MAX_PARSER_DEPTH_EXCEEDED</c>). Default 64.</summary>
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Most fields written in a document, fragments included (<c>MAX_FIELDS_EXCEEDED</c>). Default 1,000.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Most aliased fields in a document (<c>MAX_ALIASES_EXCEEDED</c>). Default 50.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>
    /// Most fields with the same response name in one selection set, inline fragments included
    /// (<c>MAX_FIELD_REPEATS_EXCEEDED</c>): field merging compares every pair of them. Default 20.
    /// </summary>
    public int MaxFieldRepeats { get; set; } = 20;

    /// <summary>Most fragment spreads an operation expands to, nested spreads counted each time (<c>MAX_FRAGMENT_SPREADS_EXCEEDED</c>). Default 100.</summary>
    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>Deepest field below a root field, introspection included (<c>MAX_EXECUTION_DEPTH_EXCEEDED</c>). Default 12.</summary>
    public int MaxExecutionDepth { get; set; } = 12;

    /// <summary>Most errors in one response, the entries of a batch together; one more error says how many were left out (<c>ERRORS_OMITTED</c>). Default 20.</summary>
    public int MaxErrors { get; set; } = 20;

    /// <summary>Longest <c>operationName</c> (<c>OPERATION_NAME_TOO_LONG</c>). Default 256.</summary>
    public int MaxOperationNameLength { get; set; } = 256;
}
