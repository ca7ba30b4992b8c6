namespace FashionBench.Tests.Data;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on Dispose.</summary>
sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fb-data-test-{Guid.NewGuid():N}")).FullName;

    public string Sub(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
