namespace FashionBench.Reports.Verdicts;

/// <summary>
/// Whether a run was trained as the write-up describes, so its accuracy can be held against the write-up's: all
/// of the data and at least the documented number of epochs. Smoke and quick profiles are not.
/// </summary>
public static class ProfileComparability
{
    public const string Reason = "profile";

    /// <returns>null when comparable; otherwise <see cref="Reason"/>.</returns>
    public static string? Check(int? trainLimit, int? testLimit, int epochsPlanned, int documentedEpochs) =>
        trainLimit is null && testLimit is null && epochsPlanned >= documentedEpochs ? null : Reason;
}
