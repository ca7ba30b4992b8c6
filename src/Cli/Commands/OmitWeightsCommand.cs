using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench omit-weights --results DIR --profile P`: declares the weights of every complete run of a profile
/// folder omitted and deletes its weights.bin, so the folder can be committed (as results/reference is) and still be
/// read as complete results by report, regress, thresholds and merge. Runs missing only their weights.bin (committed
/// before this state existed) are declared too. It touches only complete runs' completion records, atomically, so it
/// is safe beside a pipeline that is training more runs into the same folder.
/// </summary>
public static class OmitWeightsCommand
{
    public static Command Create()
    {
        var folder = new ProfileFolderOptions();
        var command = new Command("omit-weights",
            "Keep a profile's complete runs without their weights.bin (e.g. before committing them as a reference)");
        folder.AddTo(command);
        command.SetAction(parse =>
        {
            var store = folder.Store(parse);
            var ids = store.RunIds().Where(id => File.Exists(store.FileOf(id, RunStore.CompletionFile))).ToList();
            if (ids.Count == 0) throw new UserError($"{store.ProfileDir}: no run with a completion record");
            var newly = ids.Count(id => !store.WeightsOmitted(id));
            foreach (var id in ids.Where(id => !store.WeightsOmitted(id))) store.OmitWeights(id);
            Console.WriteLine($"{ids.Count} run(s) in {store.ProfileDir} kept without weights ({newly} newly, {ids.Count - newly} already)");
            return 0;
        });
        return command;
    }
}
