using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/FashionBench.Benchmarks -- [--full] [BenchmarkDotNet options]
//   --full   BenchmarkDotNet's default job (pilot stage, up to 100 iterations); without it a short job
//            (3 warm-up and 3 measured iterations) that takes seconds per case.
//   BenchmarkDotNet's own options pass through: --filter, --artifacts <dir>, --exporters, --list flat, ...
//   The filter also matches parameters: --filter '*(Model: "se-resnet", BatchSize: 64, Engine: "torchsharp")*'.
// Benchmarks run in this process: BenchmarkDotNet's generated per-benchmark project does not import
// Directory.Build.targets, so its copy of libLibTorchSharp.so would miss the GLIBCXX_3.4.32 fix and fail to load.
var full = args.Contains("--full");
var job = (full ? Job.Default.WithId("Full") : Job.ShortRun.WithId("Short"))
    .WithToolchain(InProcessEmitToolchain.Instance)
    .AsDefault();
var forwarded = args.Where(a => a is not ("--full" or "--short")).ToArray();
// BenchmarkDotNet's full JSON beside its Markdown and CSV, for dotnet/performance's ResultsComparer and github-action-benchmark.
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddExporter(BenchmarkDotNet.Exporters.Json.JsonExporter.Full)
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(32));   // whole model ids, not "fashi(...)opout"
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(forwarded, config);
