using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Tests.Support;

/// <summary>GraphQL.NET's parser, counting how often the executer asks it to parse.</summary>
public sealed class CountingDocumentBuilder : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _inner = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public GraphQLDocument Build(string body)
    {
        Interlocked.Increment(ref _count);
        return _inner.Build(body);
    }
}

/// <summary>A validation rule that only counts how often validation runs with the full rule set.</summary>
public sealed class CountingValidationRule : ValidationRuleBase
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        Interlocked.Increment(ref _count);
        return default;
    }
}
