using FashionBench.Harness;
using FashionBench.Harness.Data;
using NUnit.Framework;

namespace FashionBench.Tests.Data;

public class IdxReaderTests
{
    TempDirectory temp = null!;

    [SetUp] public void SetUp() => temp = new TempDirectory();
    [TearDown] public void TearDown() => temp.Dispose();

    string WriteGz(string name, byte[] raw)
    {
        var path = temp.Sub(name);
        File.WriteAllBytes(path, SyntheticDataset.Gzip(raw, name));
        return path;
    }

    static void AssertOneLineNaming(UserError error, string path, string what)
    {
        Assert.That(error.Message, Does.StartWith($"{path}: "));
        Assert.That(error.Message, Does.Contain(what));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void ReadsImagesAndLabelsAsWritten()
    {
        var images = WriteGz("images.gz", SyntheticDataset.ImagesIdx(3));
        var labels = WriteGz("labels.gz", SyntheticDataset.LabelsIdx([9, 0, 4]));

        var (pixels, count, rows, cols) = IdxReader.ReadImages(images);
        var split = IdxReader.ReadSplit(images, labels);

        Assert.That((count, rows, cols), Is.EqualTo((3, 28, 28)));
        Assert.That(pixels, Has.Length.EqualTo(3 * 28 * 28));
        Assert.That(pixels[(2 * 28 + 5) * 28 + 7], Is.EqualTo(SyntheticDataset.Pixel(0, 2, 5, 7)));
        Assert.That(IdxReader.ReadLabels(labels), Is.EqualTo(new byte[] { 9, 0, 4 }));
        Assert.That(split.Count, Is.EqualTo(3));
        Assert.That(split.Pixels, Is.EqualTo(pixels));
    }

    [Test]
    public void TruncatedImageDataIsRejected()
    {
        var full = SyntheticDataset.ImagesIdx(3);
        var path = WriteGz("images.gz", full[..(full.Length - 100)]);

        var error = Assert.Throws<UserError>(() => IdxReader.ReadImages(path))!;

        AssertOneLineNaming(error, path, $"truncated: header declares 3 images of 28×28 ({3 * 784} bytes) but the data ends after {3 * 784 - 100} bytes");
    }

    [Test]
    public void TruncatedGzipFileIsRejected()
    {
        var path = temp.Sub("images.gz");
        var gz = SyntheticDataset.Gzip(SyntheticDataset.ImagesIdx(3), "images");
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        var error = Assert.Throws<UserError>(() => IdxReader.ReadImages(path))!;

        Assert.That(error.Message, Does.StartWith($"{path}: ").And.Not.Contain("\n"));
        Assert.That(error.Message, Does.Contain("truncated").Or.Contain("not a valid gzip stream"));
    }

    [Test]
    public void ShortHeaderIsRejected()
    {
        var path = WriteGz("images.gz", SyntheticDataset.ImagesIdx(1)[..10]);

        var error = Assert.Throws<UserError>(() => IdxReader.ReadImages(path))!;

        AssertOneLineNaming(error, path, "truncated: 10 bytes, shorter than the 16-byte IDX images header");
    }

    [Test]
    public void WrongMagicIsRejected()
    {
        var labels = WriteGz("labels.gz", SyntheticDataset.LabelsIdx([1, 2]));
        var images = WriteGz("images.gz", SyntheticDataset.ImagesIdx(2));

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadImages(labels))!, labels,
            "magic number 2049, expected 2051");
        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadLabels(images))!, images,
            "magic number 2051, expected 2049");
    }

    [Test]
    public void ImagesThatAreNot28By28AreRejected()
    {
        var path = WriteGz("images.gz", SyntheticDataset.ImagesIdx(2, rows: 32, cols: 32));

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadImages(path))!, path, "images are 32×32, expected 28×28");
    }

    [Test]
    public void DataPastTheDeclaredCountIsRejected()
    {
        var path = WriteGz("labels.gz", [.. SyntheticDataset.LabelsIdx([1, 2]), 3]);

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadLabels(path))!, path, "data continues past the 2 labels");
    }

    [Test]
    public void ImageAndLabelCountMismatchIsRejected()
    {
        var images = WriteGz("images.gz", SyntheticDataset.ImagesIdx(3));
        var labels = WriteGz("labels.gz", SyntheticDataset.LabelsIdx([1, 2]));

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadSplit(images, labels))!, labels,
            $"2 labels but {images} has 3 images");
    }

    [Test]
    public void LabelOfTenOrMoreIsRejected()
    {
        var path = WriteGz("labels.gz", SyntheticDataset.LabelsIdx([1, 9, 0, 12, 3]));

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadLabels(path))!, path, "label 12 at index 3 is not a class (0..9)");
    }

    [Test]
    public void FileThatIsNotGzipIsRejected()
    {
        var path = temp.Sub("raw.idx");
        File.WriteAllBytes(path, SyntheticDataset.LabelsIdx([1, 2]));

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadLabels(path))!, path, "not a valid gzip stream");
    }

    [Test]
    public void MissingFileIsRejected()
    {
        var path = temp.Sub("absent.gz");

        AssertOneLineNaming(Assert.Throws<UserError>(() => IdxReader.ReadLabels(path))!, path, "file not found");
    }
}
