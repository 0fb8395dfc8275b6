using System.Diagnostics;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Safety;

/// <summary>A cancelled token (the execution timeout, a client that left) stops the SQL statement that is running.</summary>
public sealed class StatementCancellationTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Cancelling_interrupts_a_running_sqlite_statement()
    {
        var contexts = gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        // Counts to 200 million inside one statement: tens of seconds unless interrupted.
        var query = db.Database.SqlQueryRaw<long>(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) AS Value FROM c");
        var failure = await Record.ExceptionAsync(() => query.ToListAsync(cancellation.Token));

        Assert.NotNull(failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the statement ran {watch.Elapsed.TotalSeconds:F1} s after cancellation");
    }
}
