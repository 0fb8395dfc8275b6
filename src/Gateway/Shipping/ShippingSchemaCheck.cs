using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using Microsoft.Extensions.Options;

namespace Gateway.Shipping;

/// <summary>
/// At start-up, validates the operation the gateway sends against the SDL the shipping service publishes
/// (<c>GET …/graphql?sdl</c>): a remote whose schema lost or changed a field or argument the gateway uses stops the
/// start with a clear error, instead of failing every delivery later. A remote that cannot be reached yet only
/// logs a warning: it may start after the gateway, and an outage is what the resilience handles.
/// </summary>
internal sealed class ShippingSchemaCheck(IOptions<ShippingOptions> options, EmbeddedShipping embedded, ILogger<ShippingSchemaCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.Url;
        string sdl;
        if (string.IsNullOrWhiteSpace(url))
        {
            // Embedded: the same build, but the same check keeps the two sides honest.
            sdl = embedded.PrintSchema();
        }
        else
        {
            using var http = new HttpClient { Timeout = options.Value.StartupCheckTimeout };
            try
            {
                sdl = await http.GetStringAsync(url + "?sdl", cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The shipping service at {Url} could not be reached at start-up; its schema is not checked.", url);
                return;
            }
        }

        var errors = await IncompatibilitiesAsync(sdl);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The shipping service at {url ?? "(embedded)"} is incompatible with this gateway: {string.Join("; ", errors)}. " +
                "Deploy a shipping service that publishes schema/shipping.graphql (or a compatible extension of it), or point Shipping:Url at one.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The validation errors of the gateway's operation against <paramref name="sdl"/>; none when compatible.</summary>
    public static async Task<IReadOnlyList<string>> IncompatibilitiesAsync(string sdl)
    {
        ISchema schema;
        try
        {
            schema = GraphQL.Types.Schema.For(sdl);
            schema.Initialize();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [$"its SDL cannot be read ({exception.Message})"];
        }

        var document = Parser.Parse(ShippingOperation.Probe);
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single(),
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            RequestServices = null,
            User = null,
        });
        return result.IsValid ? [] : result.Errors.Select(e => e.Message).ToList();
    }
}
