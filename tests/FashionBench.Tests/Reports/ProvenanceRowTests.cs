using FashionBench.Reports.Tables;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>Command lines as the provenance table shows them: one line per way of training, wherever it was built.</summary>
public sealed class ProvenanceRowTests
{
    [TestCase("/work/train2/src/Cli/bin/Release/net10.0/fashionbench.dll train --worker-of 4242 --results r --run se-cnn-cpu-s2-ab12cd34 --threads 1",
        "fashionbench train --worker-of <pid> --results r --run <run-id> --threads 1")]
    [TestCase("/usr/local/bin/fashionbench train --profile documented", "fashionbench train --profile documented")]
    [TestCase("fashionbench report --results /work/fashionbench.dll-copies", "fashionbench report --results /work/fashionbench.dll-copies")]
    public void TheProgramIsNamedAndAWorkersOwnPartsArePlaceholders(string commandLine, string shown) =>
        Assert.That(ProvenanceRow.Command(commandLine), Is.EqualTo(shown));
}
