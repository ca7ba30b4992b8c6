using System.Text.RegularExpressions;
using FashionBench.Harness;
using NUnit.Framework;

namespace FashionBench.Tests.Build;

/// <summary>
/// The folder tree shows the architecture only if its namespaces import one another one way: a circle (Training uses
/// Machine, Machine uses Training) means one of them holds something of the other's. Read from the sources' `namespace`
/// and `using FashionBench…` lines.
/// </summary>
[TestFixture]
public sealed partial class NamespaceCycleTests
{
    [Test]
    public void NoNamespaceOfTheSourcesImportsItselfThroughOthers()
    {
        var imports = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Find(), "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (Namespace().Match(text) is not { Success: true } ns) continue;
            var set = imports.TryGetValue(ns.Groups[1].Value, out var known) ? known : imports[ns.Groups[1].Value] = [];
            set.UnionWith(Using().Matches(text).Select(m => m.Groups[1].Value).Where(u => u != ns.Groups[1].Value));
        }
        Assert.That(imports.Keys, Has.Member("FashionBench.Harness.Training").And.Member("FashionBench.Harness.Machine"), "the sources were read");

        // Depth-first: a namespace met again on the path it was reached by closes a circle.
        var circles = new List<string>();
        var done = new HashSet<string>();
        void Visit(string ns, List<string> path)
        {
            if (path.IndexOf(ns) is var at and >= 0) { circles.Add(string.Join(" → ", path.Skip(at).Append(ns))); return; }
            if (!done.Add(ns)) return;
            path.Add(ns);
            foreach (var next in imports.GetValueOrDefault(ns, []).Order()) Visit(next, path);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var ns in imports.Keys.Order()) Visit(ns, []);
        Assert.That(circles, Is.Empty);
    }

    [GeneratedRegex(@"^namespace (FashionBench[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (FashionBench[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Using();
}
