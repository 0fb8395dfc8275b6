using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Gateway.Http.Limits;

/// <summary>
/// Parses a document within the parser limits (tokens, nesting) and measures its shape (fields, aliases, repeated
/// response names, fragment expansion) before GraphQL.NET validates it: validation is quadratic in repeated fields
/// and exponential in nested fragments, so these bounds must hold before it starts. A syntax error is not reported
/// here: GraphQL.NET reports it with its usual code and location.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>
    /// The document parsed by <paramref name="builder"/> (the executer's own parser, so a host's replacement still
    /// parses), or the error that refuses it; both null for a syntax error.
    /// </summary>
    public static (GraphQLDocument? Document, LimitError? Error) Parse(string query, GraphQLLimitsOptions limits, IDocumentBuilder builder)
    {
        var tokens = CountTokens(query, limits.MaxTokens);
        if (tokens > limits.MaxTokens)
        {
            return (null, new LimitError("MAX_TOKENS_EXCEEDED", $"The document has more than {limits.MaxTokens} tokens.", limits.MaxTokens));
        }

        GraphQLDocument document;
        try
        {
            document = builder.Build(query);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new LimitError(
                "MAX_PARSER_DEPTH_EXCEEDED",
                $"The document nests deeper than {limits.MaxParserDepth} levels (selections, lists and objects).",
                limits.MaxParserDepth));
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }

        return (document, DocumentShape.Check(document, limits));
    }

    /// <summary>Counts tokens up to one past <paramref name="max"/>; a lexer error ends the count (the parser reports it).</summary>
    private static int CountTokens(string query, int max)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count <= max)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
        }

        return count;
    }
}
