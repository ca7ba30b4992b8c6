using static TorchSharp.torch;

namespace FashionBench.Harness.Data;

/// <summary>A dataset's train and test splits in memory, read from verified cache files.</summary>
public sealed class DatasetTensors(DatasetInfo info, DataSplit train, DataSplit test) : IDisposable
{
    public DatasetInfo Info { get; } = info;
    public DataSplit Train { get; } = train;
    public DataSplit Test { get; } = test;

    /// <summary>Loads both splits; the limits keep only the first N items of each (null: all).</summary>
    public static DatasetTensors Load(AcquiredDataset acquired, int? trainLimit = null, int? testLimit = null)
    {
        // Both splits are read (and validated) before any tensor exists, so a bad file leaves nothing to dispose.
        var train = IdxReader.ReadSplit(acquired.PathOf(DatasetInfo.TrainImages), acquired.PathOf(DatasetInfo.TrainLabels));
        var test = IdxReader.ReadSplit(acquired.PathOf(DatasetInfo.TestImages), acquired.PathOf(DatasetInfo.TestLabels));
        return new DatasetTensors(acquired.Info, DataSplit.FromIdx(train, trainLimit), DataSplit.FromIdx(test, testLimit));
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
