using FashionBench.Harness;
using FashionBench.Harness.Data;
using NUnit.Framework;

namespace FashionBench.Tests.Data;

public class DatasetAcquirerTests
{
    const string File0 = DatasetInfo.TrainImages;

    TempDirectory temp = null!;
    SyntheticDataset data = null!;
    List<string> notices = null!;
    HttpClient http = null!;

    [SetUp]
    public void SetUp()
    {
        temp = new TempDirectory();
        data = new SyntheticDataset();
        notices = [];
        http = DatasetAcquirer.CreateHttpClient();
    }

    [TearDown]
    public void TearDown()
    {
        http.Dispose();
        temp.Dispose();
    }

    string Cache => temp.Sub("cache");
    string CachedPath(string file) => Path.Combine(Cache, data.Info.Name, file);

    DatasetAcquirer Acquirer(IReadOnlyList<string> mirrors, IReadOnlyList<Uri>? http = null) =>
        new(new DataSources(Cache, mirrors, IncludeDebianPackageDir: false, http ?? [], TimeSpan.FromSeconds(10)),
            this.http, notices.Add);

    /// <summary>
    /// The .gz with one bit flipped in the middle of its deflate data (between the FNAME-terminated header and the
    /// 8-byte trailer), so the content itself is damaged; a flip in the header would leave the raw IDX intact.
    /// </summary>
    static byte[] FlipByte(byte[] gz)
    {
        var bodyStart = Array.IndexOf(gz, (byte)0, 10) + 1;
        var copy = (byte[])gz.Clone();
        copy[bodyStart + (gz.Length - 8 - bodyStart) / 2] ^= 0x01;
        return copy;
    }

    void AssertNoTempFiles() =>
        Assert.That(Directory.GetFiles(Path.Combine(Cache, data.Info.Name), "*.tmp"), Is.Empty, "temp files are removed");

    [Test]
    public void MirrorCopyIsVerifiedAndCached()
    {
        data.WriteMirror(temp.Sub("mirror"));

        var acquired = Acquirer([temp.Sub("mirror")]).Acquire(data.Info);

        Assert.That(acquired.Files, Has.Count.EqualTo(4));
        foreach (var file in acquired.Files)
        {
            Assert.That(file.Path, Is.EqualTo(CachedPath(file.File.Name)));
            Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(data.Gz[file.File.Name]));
            Assert.That(file.Source, Is.EqualTo($"mirror {temp.Sub("mirror", data.Info.Name, file.File.Name)}"));
            Assert.That(file.GzSha256, Is.EqualTo(SyntheticDataset.Sha256(data.Gz[file.File.Name])));
            Assert.That(file.RawSha256, Is.EqualTo(SyntheticDataset.Sha256(data.Raw[file.File.Name])));
        }
        Assert.That(notices, Is.Empty);
        AssertNoTempFiles();
    }

    [Test]
    public void VerifiedCacheIsUsedWithoutAnySource()
    {
        data.WriteMirror(temp.Sub("mirror"));
        Acquirer([temp.Sub("mirror")]).Acquire(data.Info);
        Directory.Delete(temp.Sub("mirror"), recursive: true);

        var again = Acquirer([]).Acquire(data.Info);

        Assert.That(again.Files.Select(f => f.Source), Is.All.EqualTo("cache"));
        Assert.That(again.PathOf(File0), Is.EqualTo(CachedPath(File0)));
    }

    [Test]
    public void CacheFileChangedAfterDownloadIsAcquiredAgainWithANotice()
    {
        data.WriteMirror(temp.Sub("mirror"));
        Acquirer([temp.Sub("mirror")]).Acquire(data.Info);
        File.WriteAllBytes(CachedPath(File0), FlipByte(data.Gz[File0]));

        var file = Acquirer([temp.Sub("mirror")]).Acquire(data.Info, data.Info.File(File0));

        Assert.That(file.Source, Does.StartWith("mirror "));
        Assert.That(File.ReadAllBytes(CachedPath(File0)), Is.EqualTo(data.Gz[File0]));
        Assert.That(notices, Has.Count.EqualTo(1));
        Assert.That(notices[0], Does.Contain(CachedPath(File0)).And.Contain("acquiring it again"));
    }

    [Test]
    public void MirrorCopyWithAFlippedByteIsRejectedAndTheNextMirrorUsed()
    {
        data.WriteMirror(temp.Sub("bad"), (_, gz) => FlipByte(gz));
        data.WriteMirror(temp.Sub("good"));

        var file = Acquirer([temp.Sub("bad"), temp.Sub("good")]).Acquire(data.Info, data.Info.File(File0));

        Assert.That(file.Source, Is.EqualTo($"mirror {temp.Sub("good", data.Info.Name, File0)}"));
        Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(data.Gz[File0]));
        Assert.That(notices, Has.Count.EqualTo(1));
        Assert.That(notices[0], Does.Contain($"rejected mirror {temp.Sub("bad", data.Info.Name, File0)}")
            .And.Contain(SyntheticDataset.Sha256(FlipByte(data.Gz[File0])))
            .And.Contain(data.Info.File(File0).GzSha256)
            .And.Not.Contain("\n"));
        AssertNoTempFiles();
    }

    [Test]
    public void WhenEverySourceFailsOneLineNamesTheFileTheHashesAndEachSource()
    {
        data.WriteMirror(temp.Sub("bad"), (_, gz) => FlipByte(gz));
        using var server = new LocalHttpServer(new Dictionary<string, byte[]>());
        var url = new Uri(server.BaseUri, "missing/");

        var error = Assert.Throws<UserError>(() => Acquirer([temp.Sub("bad"), temp.Sub("empty")], [url])
            .Acquire(data.Info, data.Info.File(File0)))!;

        var expected = data.Info.File(File0);
        Assert.That(error.Message, Does.Not.Contain("\n"));
        Assert.That(error.Message, Does.StartWith($"{data.Info.Name}/{File0}:"));
        Assert.That(error.Message, Does.Contain(expected.GzSha256).And.Contain(expected.RawSha256));
        Assert.That(error.Message, Does.Contain(SyntheticDataset.Sha256(FlipByte(data.Gz[File0]))), "actual hash of the bad copy");
        Assert.That(error.Message, Does.Contain($"cache {CachedPath(File0)}: missing"));
        Assert.That(error.Message, Does.Contain($"mirror {temp.Sub("bad", data.Info.Name, File0)}: SHA-256"));
        Assert.That(error.Message, Does.Contain($"mirror {temp.Sub("empty", data.Info.Name, File0)}: missing"));
        Assert.That(error.Message, Does.Contain($"{new Uri(url, File0)}: HTTP 404"));
        Assert.That(File.Exists(CachedPath(File0)), Is.False);
        AssertNoTempFiles();
    }

    [Test]
    public void DebianStyleRewrittenHeaderIsAcceptedThroughTheRawHash()
    {
        data.WriteMirror(temp.Sub("debian"), (_, gz) => SyntheticDataset.DebianStyle(gz));
        var rewritten = SyntheticDataset.DebianStyle(data.Gz[File0]);
        Assert.That(rewritten, Is.Not.EqualTo(data.Gz[File0]), "the test copy really differs as a .gz");

        var file = Acquirer([temp.Sub("debian")]).Acquire(data.Info, data.Info.File(File0));

        Assert.That(file.GzSha256, Is.EqualTo(SyntheticDataset.Sha256(rewritten)), "cache holds the .gz as obtained");
        Assert.That(file.RawSha256, Is.EqualTo(data.Info.File(File0).RawSha256));
        Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(rewritten));
        Assert.That(notices, Has.Count.EqualTo(1).And.Some.Contain("expected raw IDX"));

        var cachedAgain = Acquirer([]).Acquire(data.Info, data.Info.File(File0));
        Assert.That(cachedAgain.Source, Is.EqualTo("cache"), "the cached rewritten copy verifies through its raw hash too");
    }

    [Test]
    public void HttpMirrorsAreTriedInOrderSkippingMissingAndCorruptFiles()
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var (name, gz) in data.Gz)
        {
            files[$"/corrupt/{name}"] = FlipByte(gz);
            files[$"/good/{name}"] = gz;
        }
        using var server = new LocalHttpServer(files);
        Uri[] mirrors = [new(server.BaseUri, "missing/"), new(server.BaseUri, "corrupt/"), new(server.BaseUri, "good/")];

        var acquired = Acquirer([], mirrors).Acquire(data.Info);

        foreach (var file in acquired.Files)
        {
            Assert.That(file.Source, Is.EqualTo(new Uri(mirrors[2], file.File.Name).ToString()));
            Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(data.Gz[file.File.Name]));
        }
        Assert.That(server.Requests.Take(3), Is.EqualTo(new[] { $"/missing/{File0}", $"/corrupt/{File0}", $"/good/{File0}" }));
        Assert.That(notices, Has.Count.EqualTo(4).And.All.Contain($"rejected {server.BaseUri}corrupt/"));
        AssertNoTempFiles();
    }

    [Test]
    public void UnreachableHttpMirrorIsReportedNotThrown()
    {
        // A port that was free a moment ago: nothing listens there, so the connection is refused.
        Uri unreachable;
        using (var server = new LocalHttpServer(new Dictionary<string, byte[]>())) unreachable = server.BaseUri;

        var error = Assert.Throws<UserError>(() => Acquirer([], [unreachable]).Acquire(data.Info, data.Info.File(File0)))!;

        Assert.That(error.Message, Does.Contain($"{new Uri(unreachable, File0)}: request failed"));
    }
}
