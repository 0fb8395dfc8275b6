using BenchmarkDotNet.Attributes;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// The ProductPage screen in-process: through the gateway's executer with its document cache (the steady state),
/// without it (parse and validate on every request), and as hand-written raw SQL to the same JSON (the baseline).
/// </summary>
[MemoryDiagnoser]
public class ProductPageBenchmarks
{
    private MicroFixture _fixture = null!;

    [GlobalSetup]
    public void Setup() => _fixture = new MicroFixture();

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Raw SQL (Dapper) + JSON")]
    public Task<string> RawSql() => _fixture.RawSql.FetchAsync(MicroFixture.ProductId);

    [Benchmark(Description = "GraphQL, document cached")]
    public Task<string> GraphQLCached() => _fixture.GraphQLProductPageAsync(_fixture.Cached);

    [Benchmark(Description = "GraphQL, parse + validate each time")]
    public Task<string> GraphQLUncached() => _fixture.GraphQLProductPageAsync(_fixture.Uncached);
}
