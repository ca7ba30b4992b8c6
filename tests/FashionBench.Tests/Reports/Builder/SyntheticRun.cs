namespace FashionBench.Tests.Reports.Builder;

/// <summary>
/// One run to write into a synthetic results folder: the model, the seed, and the accuracy its predictions should
/// reach (the real fraction follows from the drawn predictions), and the device it claims to have run on.
/// </summary>
sealed record SyntheticRun(string Model, long Seed, double Accuracy, string Device = "cpu");
