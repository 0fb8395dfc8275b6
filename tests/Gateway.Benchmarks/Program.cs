using Gateway.Benchmarks;
using Gateway.Benchmarks.Chattiness;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Micro;
using Gateway.Benchmarks.Reporting;
using Gateway.Benchmarks.Screens;
using Gateway.Benchmarks.Throughput;

BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
return await BenchmarkRun.RunAsync(settings, Console.Out);
