// FashionBench pipeline. Targets order the work and call the `fashionbench` CLI; no logic lives here.
//   ./build.sh --target=Report [--profile=smoke|ci|quick|documented|extended] [--results=DIR] [--configuration=Release]
// Every other --name=value argument listed in `cliArguments` is forwarded to the CLI verbs that take it.

var target = Argument("target", "Report");
var configuration = Argument("configuration", "Release");
var profile = Argument("profile", "");
var results = Argument("results", "results");

var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("FashionBench.sln");
var cliProject = root.CombineWithFilePath("src/Cli/FashionBench.Cli.csproj");
var testResults = root.Combine("TestResults");

// Options forwarded verbatim to the CLI (only when given), by verb.
string Forward(params string[] names)
{
    var parts = new List<string>();
    foreach (var name in names)
        if (HasArgument(name)) parts.Add($"--{name} \"{Argument<string>(name)}\"");
    return string.Join(" ", parts);
}

string Common(string defaultProfile) =>
    $"--results \"{results}\" --profile {(profile == "" ? defaultProfile : profile)}";

void Cli(string verb, string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings {
        Arguments = $"run --no-build --no-restore -c {configuration} --project \"{cliProject}\" -- {verb} {arguments}",
        WorkingDirectory = root });
    if (exit != 0) throw new CakeException(exit, $"fashionbench {verb} failed (exit {exit})");
}

Task("Clean").Does(() =>
{
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectory(testResults);
});

Task("Restore").Does(() => DotNetRestore(solution.FullPath));

Task("Build").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

// Fast tests by default; --test-filter="..." overrides (CI adds the affordable slow categories).
Task("Test").IsDependentOn("Build").Does(() =>
{
    var filter = Argument("test-filter", "TestCategory!=Slow&TestCategory!=Integration&TestCategory!=Cuda");
    DotNetTest(solution.FullPath, new DotNetTestSettings {
        Configuration = configuration, NoBuild = true, NoRestore = true, Filter = filter,
        ResultsDirectory = testResults,
        Loggers = new[] { "trx;LogFileName=tests.trx", "console;verbosity=normal" } });
});

Task("Data").IsDependentOn("Build").Does(() => Cli("data", Forward("data-dir", "mirror")));

// Pipeline options forwarded to every training-side verb when given on the Cake command line.
string Pipeline(string defaultProfile) =>
    $"{Common(defaultProfile)} {Forward("models", "seeds", "first-seed", "epochs", "device", "threads", "shard", "libtorch")}";

// --jobs=N trains N runs at once, each in its own process (train and regress only).
Task("Train").IsDependentOn("Data").Does(() => Cli("train", $"{Pipeline("documented")} {Forward("jobs")}"));

Task("Export").IsDependentOn("Train").Does(() => Cli("export", Pipeline("documented")));

Task("Bench").IsDependentOn("Export").Does(() =>
    Cli("bench", $"{Pipeline("documented")} {Forward("batch-sizes", "repetitions")}"));

// The main job: Data → Train → Export → Bench → <results>/<profile>/report.pdf (complete runs are reused).
Task("Report").IsDependentOn("Bench").Does(() => Cli("report", Common("documented")));

// BenchmarkDotNet inference suite: a short job by default, --full for BenchmarkDotNet's default job.
Task("BenchmarkDotNet").IsDependentOn("Build").Does(() =>
{
    // A relative --results is relative to the repo root, as for the CLI verbs; an absolute one is taken as it is.
    var artifacts = (System.IO.Path.IsPathRooted(results) ? Directory(results) : root.Combine(results)).Combine("benchmarkdotnet");
    var arguments = $"--artifacts \"{artifacts}\" --filter \"{Argument("filter", "*")}\"" + (HasArgument("full") ? " --full" : "");
    var exit = StartProcess("dotnet", new ProcessSettings {
        Arguments = $"run --no-build -c {configuration} --project \"{root}/tests/FashionBench.Benchmarks\" -- {arguments}",
        WorkingDirectory = root });
    if (exit != 0) throw new CakeException(exit, $"BenchmarkDotNet failed (exit {exit})");
});

// Compares the profile's runs (trained or reused first, unless --no-train=true) with results/thresholds.json;
// `fashionbench regress` exits 1 on any accuracy or macro-F1 regression, which fails the build.
Task("Regression").IsDependentOn("Data").Does(() =>
    Cli("regress", $"{Pipeline("quick")} {Forward("thresholds", "jobs")}" + (Argument("no-train", false) ? " --no-train" : "")));

// Re-derives the profile's bars from its measured runs into results/thresholds.json (commit the file afterwards).
Task("Thresholds").IsDependentOn("Build").Does(() =>
    Cli("thresholds", $"--from \"{System.IO.Path.Combine(results, profile == "" ? "quick" : profile)}\" {Forward("out")}"));

RunTarget(target);
