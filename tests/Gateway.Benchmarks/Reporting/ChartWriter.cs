using Gateway.Benchmarks.Chattiness;
using ScottPlot;

namespace Gateway.Benchmarks.Reporting;

/// <summary>The README's chart: median screen load time per screen, REST flow against GraphQL, at each simulated RTT.</summary>
internal static class ChartWriter
{
    public static void Write(ChattinessResults results, string path)
    {
        var plot = new Plot();
        var screens = results.Timings.Select(t => t.Screen).Distinct().ToList();
        var series = results.Timings.Select(t => (t.Way, t.RoundTripTimeMs)).Distinct()
            .OrderBy(s => s.RoundTripTimeMs).ThenBy(s => s.Way).ToList();
        var groupWidth = series.Count + 1.5;
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            var color = ColorOf(series[s].Way, series[s].RoundTripTimeMs);
            for (var i = 0; i < screens.Count; i++)
            {
                var timing = results.Timings.FirstOrDefault(t => t.Screen == screens[i] && t.Way == series[s].Way && t.RoundTripTimeMs == series[s].RoundTripTimeMs);
                if (timing is not null)
                {
                    bars.Add(new Bar { Position = (i * groupWidth) + s, Value = timing.MedianMs, FillColor = color });
                }
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{series[s].Way}, RTT {series[s].RoundTripTimeMs} ms", FillColor = color });
        }
        plot.Add.Bars(bars);
        var ticks = screens.Select((name, i) => new Tick((i * groupWidth) + ((series.Count - 1) / 2.0), name)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Median screen load time: REST flow vs one GraphQL request");
        plot.YLabel("milliseconds");
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        plot.SavePng(path, 1100, 550);
    }

    // REST in oranges, GraphQL in blues; darker for a longer round-trip time.
    private static Color ColorOf(Way way, int roundTripTimeMs)
    {
        var shade = roundTripTimeMs switch { 0 => 0, <= 20 => 1, _ => 2 };
        string[] oranges = ["#fdae6b", "#f16913", "#a63603"];
        string[] blues = ["#9ecae1", "#3182bd", "#08519c"];
        return Color.FromHex(way == Way.Rest ? oranges[shade] : blues[shade]);
    }
}
