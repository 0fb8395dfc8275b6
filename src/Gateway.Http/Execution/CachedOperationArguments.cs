using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gateway.Http.Execution;

/// <summary>
/// The variables and the argument values of an operation that already passed validation, read without GraphQL.NET's
/// two walks of the whole operation per request. GraphQL.NET 8.8 walks the operation with its type information to
/// find every variable's usages (which it needs only for a nullable variable used where a value is required), then
/// walks it again to find the fields and directives that have arguments. Neither depends on the request: this class
/// does both once per operation and keeps the result, so a request only coerces its variables and parses the
/// arguments of the fields and directives found (together about a tenth of a product page's time in-process,
/// docs/performance.md, change 24). The coercion and parsing themselves are GraphQL.NET's, errors included.
/// </summary>
internal static class CachedOperationArguments
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, Plan> Plans = [];

    /// <summary>
    /// The operation's variables and argument values for this request, or null when the operation needs GraphQL.NET's
    /// own path: a nullable variable used where a value is required (its usage decides how null is coerced).
    /// </summary>
    public static async ValueTask<IValidationResult?> ParseAsync(ValidationOptions options)
    {
        if (options.Operation is not { } operation)
        {
            return null;
        }

        var plan = Plans.GetValue(operation, _ => Plan.Create(options.Schema, options.Document, operation));
        if (plan.Stub is null || !ReferenceEquals(plan.Schema, options.Schema) || !ReferenceEquals(plan.Document, options.Document))
        {
            return null;
        }

        // The stub's variables have no usages: see Plan.Create for why that is the same coercion as the whole
        // operation's. A context that coerced them before already knows it (GraphQL.NET keeps an operation's usages
        // per context), so the stub's variable definitions are not walked again.
        var context = plan.RentCoercer(options);
        Variables variables;
        List<ValidationError>? errors;
        try
        {
            (variables, errors) = await context.GetVariablesValuesAsync().ConfigureAwait(false);
        }
        finally
        {
            plan.ReturnCoercer(context);
        }

        if (errors is { Count: > 0 })
        {
            return new ValidationResult(errors) { Variables = variables };
        }

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        foreach (var node in plan.DirectiveNodes)
        {
            try
            {
                if (ExecutionHelper.GetDirectives(node, variables, options.Schema, options.Document) is { } values)
                {
                    (directives ??= []).Add((ASTNode)node, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        foreach (var (field, definition) in plan.Fields)
        {
            try
            {
                if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, options.Document, field, null) is { } values)
                {
                    (arguments ??= []).Add(field, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return new ValidationResult(errors ?? [])
        {
            Variables = variables,
            ArgumentValues = arguments,
            DirectiveValues = directives,
        };
    }

    /// <summary>What an operation's arguments are read from: found once, by the same rules as GraphQL.NET's walk.</summary>
    private sealed class Plan
    {
        public required ISchema Schema { get; init; }

        public required GraphQLDocument Document { get; init; }

        /// <summary>The operation's variable definitions over no selection; null when the stub would coerce differently.</summary>
        public GraphQLOperationDefinition? Stub { get; init; }

        /// <summary>Every selected field with arguments, with its definition, fragments' fields included (each fragment once).</summary>
        public List<(GraphQLField Field, FieldType Definition)> Fields { get; } = [];

        /// <summary>Every node with directives, in the order GraphQL.NET's walk meets them.</summary>
        public List<IHasDirectivesNode> DirectiveNodes { get; } = [];

        /// <summary>Contexts that coerced the stub's variables before, free for another request (at most one per request in flight).</summary>
        private readonly ConcurrentBag<ValidationContext> _coercers = [];

        /// <summary>A context over the stub with this request's values; one already used keeps the stub's (empty) usages.</summary>
        public ValidationContext RentCoercer(in ValidationOptions options) =>
            _coercers.TryTake(out var context) ? ValidationContexts.WithRequest(context, options) : ValidationContexts.For(options, Stub!);

        public void ReturnCoercer(ValidationContext context)
        {
            // Nothing of the request stays behind: its values are replaced on the next rent.
            ValidationContexts.WithoutRequest(context);
            if (_coercers.Count < MaxIdleCoercers)
            {
                _coercers.Add(context);
            }
        }

        private const int MaxIdleCoercers = 16;

        public static Plan Create(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
        {
            var plan = new Plan { Schema = schema, Document = document, Stub = StubOf(schema, document, operation) };
            var root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            var walker = new Walker(plan, schema, document);
            walker.AddDirectives(operation);
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                walker.AddDirectives(variable);
            }

            if (root is not null)
            {
                walker.Visit(operation.SelectionSet, root);
            }

            return plan;
        }

        /// <summary>
        /// GraphQL.NET coerces a supplied nullable variable as non-null only when one of its usages requires a value
        /// (allowed when the variable or the argument has a default). An operation without such a usage coerces its
        /// variables the same with no usages at all: the stub, its variable definitions over an empty selection.
        /// </summary>
        private static GraphQLOperationDefinition? StubOf(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
        {
            if (operation.Variables is not { Count: > 0 } definitions)
            {
                return operation; // no variables: GraphQL.NET looks for no usages
            }

            var usages = new ValidationContext { Schema = schema, Document = document, Operation = operation, TypeInfo = new TypeInfo(schema) }
                .GetRecursiveVariables(operation);
            foreach (var definition in definitions.Items)
            {
                if (definition.Type is not GraphQLNonNullType
                    && usages?.Any(usage => usage.Node.Name == definition.Variable.Name && usage.Type is NonNullGraphType) == true)
                {
                    return null;
                }
            }

            return new GraphQLOperationDefinition(new GraphQLSelectionSet([]))
            {
                Operation = operation.Operation,
                Name = operation.Name,
                Variables = operation.Variables,
            };
        }
    }

    /// <summary>GraphQL.NET's argument walk without its values: the field definitions met under each type.</summary>
    private sealed class Walker(Plan plan, ISchema schema, GraphQLDocument document)
    {
        private readonly HashSet<GraphQLParser.ROM> _visitedFragments = [];

        public void Visit(GraphQLSelectionSet? selectionSet, IComplexGraphType? type)
        {
            if (selectionSet is null)
            {
                return;
            }

            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        VisitField(field, type);
                        break;
                    case GraphQLInlineFragment inline:
                        AddDirectives(inline);
                        VisitFragmentBody(inline.TypeCondition, inline.SelectionSet, type);
                        break;
                    case GraphQLFragmentSpread spread:
                        AddDirectives(spread);
                        if (_visitedFragments.Add(spread.FragmentName.Name.Value)
                            && document.FindFragmentDefinition(spread.FragmentName.Name) is { } definition)
                        {
                            AddDirectives(definition);
                            VisitFragmentBody(definition.TypeCondition, definition.SelectionSet, type);
                        }

                        break;
                }
            }
        }

        private void VisitField(GraphQLField field, IComplexGraphType? type)
        {
            AddDirectives(field);
            var name = field.Name.Value;
            var definition =
                name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType :
                name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType :
                name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType :
                type?.Fields.Find(name);
            if (definition is null)
            {
                return;
            }

            if (field.Arguments?.Count > 0)
            {
                plan.Fields.Add((field, definition));
            }

            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Visit(field.SelectionSet, complex);
                    break;
                case UnionGraphType:
                    Visit(field.SelectionSet, type); // GraphQL.NET keeps the parent's type: only fragments select under a union
                    break;
            }
        }

        /// <summary>A fragment's selections under its type condition; under a union, the enclosing type, as GraphQL.NET does.</summary>
        private void VisitFragmentBody(GraphQLTypeCondition? condition, GraphQLSelectionSet selectionSet, IComplexGraphType? type)
        {
            if (condition is null)
            {
                Visit(selectionSet, type);
                return;
            }

            switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Visit(selectionSet, complex);
                    break;
                case IAbstractGraphType:
                    Visit(selectionSet, type);
                    break;
            }
        }

        public void AddDirectives(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 } withDirectives)
            {
                plan.DirectiveNodes.Add(withDirectives);
            }
        }
    }
}
