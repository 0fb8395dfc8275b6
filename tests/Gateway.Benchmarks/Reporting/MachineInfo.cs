using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gateway.Benchmarks.Reporting;

/// <summary>The machine the figures were measured on: CPU model (from <c>lscpu</c>), logical cores, OS and runtime.</summary>
internal sealed record MachineInfo(string CpuModel, int LogicalCores, string Os, string Runtime)
{
    public static MachineInfo Current() =>
        new(ReadCpuModel(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);

    private static string ReadCpuModel()
    {
        try
        {
            using var lscpu = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true, UseShellExecute = false });
            var output = lscpu!.StandardOutput.ReadToEnd();
            lscpu.WaitForExit(5000);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Model name:", StringComparison.Ordinal));
            if (line is not null)
            {
                return line["Model name:".Length..].Trim();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No lscpu (not Linux): fall through.
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
