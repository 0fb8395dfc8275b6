using Gateway.Tests.Infrastructure;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gateway.Tests.Operations;

/// <summary>
/// The storefront's operations in <c>schema/operations/</c> are validated against the published SDL
/// (<c>schema/schema.graphql</c>, itself kept equal to the running schema by SchemaTests), exactly as a
/// client's code generator would: a schema change that breaks a screen fails here, before any client does.
/// </summary>
public sealed class OperationDocumentsTests
{
    private static readonly string[] Names = ["ProductPage", "CatalogPage", "HomePage", "OrderHistory", "AddReview", "PlaceOrder", "OnReviewAdded"];

    public static readonly TheoryData<string> Operations = new(Names);

    private static readonly Lazy<ISchema> PublishedSchema = new(() =>
    {
        var sdl = File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "schema", "schema.graphql"));
        // Validation never resolves abstract types, but building a schema requires a resolver for each.
        var schema = GraphQL.Types.Schema.For(sdl, builder => builder.Types.ForAll(type => type.ResolveType = _ => null!));
        // Likewise a subscription field needs a stream, which validation never opens.
        foreach (var field in schema.Subscription?.Fields ?? [])
        {
            field.StreamResolver = new SourceStreamResolver<object>(IObservable<object?> (_) => throw new NotSupportedException());
        }
        schema.Initialize();
        return schema;
    });

    [Fact]
    public void The_folder_holds_exactly_the_storefront_operations()
    {
        var files = Directory.GetFiles(ContractPaths.Screens, "*.graphql").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(Names.Order(), files);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_is_valid_against_the_published_schema(string name)
    {
        var text = GraphQLHttp.Screen(name);
        var document = Parser.Parse(text);

        var operation = Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());
        Assert.Equal(name, operation.Name?.StringValue);

        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = PublishedSchema.Value,
            Document = document,
            Operation = operation,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });
        // No variable values are given, as at build time: only the document's own errors count.
        var errors = result.Errors.Where(error => error is not InvalidVariableError).Select(error => error.Message);
        Assert.Empty(errors);
    }
}
