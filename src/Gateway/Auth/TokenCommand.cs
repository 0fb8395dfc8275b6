using System.Globalization;
using Gateway.Store;
using Gateway.Store.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Auth;

/// <summary>
/// <c>dotnet run --project src/Gateway -- token --customer &lt;id&gt; [--role admin] [--hours N]</c>: prints a bearer token
/// for a customer of the store and exits without serving. It uses the gateway's own configuration and services,
/// so the token validates against a gateway started with the same settings.
/// </summary>
public static class TokenCommand
{
    public const string Name = "token";

    internal const string Usage = "Usage: token --customer <id> [--role admin|customer] [--hours <lifetime>]";

    /// <summary>
    /// When the first argument is <c>token</c>: builds the app from <paramref name="builder"/>, runs the command, sets the
    /// process exit code and returns true (the caller then exits without serving). Otherwise returns false and touches nothing.
    /// </summary>
    public static async Task<bool> TryRunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }
        // Standard output carries the token alone; log lines (such as first-run seeding) go to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        await using var app = builder.Build();
        Environment.ExitCode = await RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
        return true;
    }

    /// <summary>Issues the token to <paramref name="output"/>; explains any failure on <paramref name="error"/> and returns 1.</summary>
    internal static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TokenRequest.TryParse(args, out var request, out var problem))
        {
            await error.WriteLineAsync(problem + Environment.NewLine + Usage);
            return 1;
        }
        try
        {
            // Reading the options runs their validation, so a missing key fails here with the same message as at start-up.
            _ = services.GetRequiredService<IOptions<AuthOptions>>().Value;
            await PrepareStoreAsync(services, cancellationToken);
            var factory = services.GetRequiredService<IDbContextFactory<StoreDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var name = await db.Customers.AsNoTracking()
                .Where(c => c.Id == request.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                await error.WriteLineAsync($"No customer with id {request.CustomerId} in the store; pick an existing customer id.");
                return 1;
            }
            var token = services.GetRequiredService<TokenIssuer>().Issue(request.CustomerId, name, request.IsAdmin, request.Lifetime);
            // Only the token goes to standard output, so TOKEN=$(dotnet run ... -- token ...) captures it cleanly.
            await output.WriteLineAsync(token);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Token for customer {request.CustomerId} ({name}), role {(request.IsAdmin ? StorefrontClaims.AdminRole : StorefrontClaims.CustomerRole)}."));
            return 0;
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    /// <summary>
    /// Applies migrations and seeds an empty store exactly as the gateway does when it starts, so a fresh clone can
    /// issue a token before ever serving. Quiet, because standard output carries the token.
    /// </summary>
    private static Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        new StoreInitializer(
            services.GetRequiredService<IDbContextFactory<StoreDbContext>>(),
            services.GetRequiredService<StoreSeeder>(),
            new StoreStartupLock(NullLogger<StoreStartupLock>.Instance),
            services.GetRequiredService<IOptions<StoreOptions>>(),
            NullLogger<StoreInitializer>.Instance).StartAsync(cancellationToken);
}
