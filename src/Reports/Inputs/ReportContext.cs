using FashionBench.Harness.Machine;

namespace FashionBench.Reports.Inputs;

/// <summary>Facts about the rendering itself, passed in so a report renders the same way for the same inputs.</summary>
/// <param name="Created">When the report was made (PDF metadata, title page).</param>
/// <param name="CommandLine">The command that made it.</param>
/// <param name="CpuInfo">The /proc/cpuinfo text of the machine rendering the report, for % of peak; null when unknown.</param>
public sealed record ReportContext(DateTimeOffset Created, string CommandLine, string? CpuInfo)
{
    /// <summary>The FP32 peak for <paramref name="threads"/> threads (capped at the physical cores); null when unknown.</summary>
    public CpuPeak? PeakFor(int threads) => CpuInfo is null ? null : CpuPeak.Parse(CpuInfo, threads);
}
