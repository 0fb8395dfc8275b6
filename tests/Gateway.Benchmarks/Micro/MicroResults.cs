namespace Gateway.Benchmarks.Micro;

/// <summary>The micro-benchmarks' outcome as a markdown fragment (tables and the overhead ratio with its verdict).</summary>
internal sealed record MicroResults(string Summary, double? OverheadRatio);
