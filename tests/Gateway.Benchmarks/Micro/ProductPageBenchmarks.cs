using BenchmarkDotNet.Attributes;
using Gateway.Benchmarks.Hosting;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// The ProductPage screen in-process: through the gateway's executer with its document cache (the steady state),
/// without it (parse and validate on every request), as hand-written raw SQL to the same JSON (the baseline), and as
/// GraphQL.NET alone answering from memory (the part of the gateway's time no engine or store work can remove).
/// </summary>
[MemoryDiagnoser]
public class ProductPageBenchmarks
{
    private MicroFixture _fixture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new MicroFixture();
        // BenchmarkDotNet's few warm-up iterations end long before the JIT has optimized the gateway's code for this
        // screen (seconds of background compilation on 2 cores): timings then mixed tiers, with error bars of 300%.
        foreach (var work in new Func<Task>[] { RawSql, GraphQLCached, GraphQLUncached, GraphQLNetAloneFromMemory })
        {
            JitSettling.UntilSettledAsync(work, callsPerRound: 200, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Raw SQL (Dapper) + JSON")]
    public Task<string> RawSql() => _fixture.RawSql.FetchAsync(MicroFixture.ProductId);

    [Benchmark(Description = "GraphQL, document cached")]
    public Task<string> GraphQLCached() => _fixture.GraphQLProductPageAsync(_fixture.Cached);

    [Benchmark(Description = "GraphQL, parse + validate each time")]
    public Task<string> GraphQLUncached() => _fixture.GraphQLProductPageAsync(_fixture.Uncached);

    [Benchmark(Description = "GraphQL.NET alone, answer in memory")]
    public Task<string> GraphQLNetAloneFromMemory() => _fixture.GraphQLNetAlone.ExecuteAsync();
}
