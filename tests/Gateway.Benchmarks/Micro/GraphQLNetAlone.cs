using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// The floor GraphQL.NET itself puts under the gateway: a document executed by GraphQL.NET's own executer on the
/// gateway's printed schema, every field read from the screen's answer already in memory, the document parsed once
/// (as a cache hit) and no validation rule run on it again (what GraphQL.NET's memory cache does), then written by the
/// gateway's serializer. No store, no engine, no transport: what is left is GraphQL.NET's own work for the document
/// (coercing the variables, parsing the arguments, executing each field, serializing).
/// </summary>
internal sealed class GraphQLNetAlone
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly Inputs _variables;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly DocumentExecuter _executer = new();

    /// <param name="sdl">The schema, as printed.</param>
    /// <param name="query">The document.</param>
    /// <param name="variables">Its variables.</param>
    /// <param name="answer">The gateway's answer to it: its <c>data</c> is what the fields read.</param>
    /// <param name="serializer">The serializer to write results with.</param>
    public GraphQLNetAlone(string sdl, string query, Inputs variables, JsonNode answer, IGraphQLTextSerializer serializer)
    {
        var data = (Dictionary<string, object?>)ToValue(answer["data"])!;
        _schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            foreach (var definition in Parser.Parse(sdl).Definitions)
            {
                switch (definition)
                {
                    case GraphQLObjectTypeDefinition type:
                        foreach (var field in type.Fields?.Items ?? [])
                        {
                            var config = builder.Types.For(type.Name.StringValue).FieldFor(field.Name.StringValue);
                            config.Resolver = ReadByName;
                            if (type.Name.StringValue == "Subscription")
                            {
                                config.StreamResolver = NoEvents; // never subscribed to here; a schema demands one
                            }
                        }
                        break;
                    case GraphQLInterfaceTypeDefinition or GraphQLUnionTypeDefinition:
                        var name = ((GraphQLTypeDefinition)definition).Name.StringValue;
                        builder.Types.For(name).ResolveType = value => (IObjectGraphType)_schema!.AllTypes[(string)((Dictionary<string, object?>)value)["__typename"]!]!;
                        break;
                }
            }
        });
        // The document's root fields read the answer under their response keys (the screen's aliases).
        _document = Parser.Parse(query);
        var roots = _document.Definitions.OfType<GraphQLOperationDefinition>().Single().SelectionSet.Selections.OfType<GraphQLField>();
        _schema.Initialize();
        foreach (var root in roots)
        {
            var key = (root.Alias?.Name ?? root.Name).StringValue;
            _schema.Query.GetField(root.Name.StringValue)!.Resolver = new FuncFieldResolver<object?>(_ => data[key]);
        }

        _variables = variables;
        _serializer = serializer;
    }

    /// <summary>Executes the document and serializes the result, as the gateway's executer does.</summary>
    public async Task<string> ExecuteAsync()
    {
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Document = _document,
            Variables = _variables,
            ValidationRules = [],
        });
        return _serializer.Serialize(result);
    }

    private static readonly IFieldResolver ReadByName = new FuncFieldResolver<object?>(context =>
        context.Source is Dictionary<string, object?> values && values.TryGetValue(context.FieldDefinition.Name, out var value) ? value : null);

    private static readonly ISourceStreamResolver NoEvents = new SourceStreamResolver<object?>(_ => new Silence());

    private sealed class Silence : IObservable<object?>, IDisposable
    {
        public IDisposable Subscribe(IObserver<object?> observer) => this;

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// Objects become dictionaries, arrays lists, numbers integers or decimals, instants <see cref="DateTime"/>s (as the
    /// gateway's entities hold them): what the schema's scalars take.
    /// </summary>
    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToValue(p.Value)),
        JsonArray a => a.Select(ToValue).ToList(),
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.GetValue<string>() is var text && text.Length > 10 && text[4] == '-' && text[10] == 'T'
            && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var instant) => instant,
        JsonValue v => v.GetValue<string>(),
        _ => throw new NotSupportedException($"A JSON node of type {node.GetType().Name}."),
    };
}
