using System.Text;
using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// Per-epoch checkpoint: model-{e}.bin, optimizer-{e}.bin (and best-{e}.bin) are written under new names first,
/// then state.json is replaced atomically to point at them, then older files are removed — so a kill at any moment
/// leaves either the previous complete checkpoint or the new one.
/// </summary>
public sealed class Checkpoint(string directory)
{
    // The plateau state starts at +∞ (no best loss yet).
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
    string StatePath => Path.Combine(directory, "state.json");

    public TrainerState? Load(string configHash, nn.Module model, OptimizerHelper optimizer)
    {
        if (!File.Exists(StatePath)) return null;
        TrainerState? state;
        try { state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(StatePath), Json); }
        catch (JsonException) { return null; }          // unreadable: start over rather than guess
        if (state is null || state.ConfigHash != configHash || OptimizerType(state) != optimizer.GetType().Name) return null;
        model.load(Path.Combine(directory, state.ModelFile));
        using (var reader = new BinaryReader(File.OpenRead(Path.Combine(directory, state.OptimizerFile))))
            optimizer.load_state_dict(reader);
        return state;
    }

    // TorchSharp writes the optimiser's type name first and refuses another type's state; a checkpoint of an earlier
    // optimiser implementation is not resumed (read before anything is loaded, so nothing is left half-restored).
    string? OptimizerType(TrainerState state)
    {
        var path = Path.Combine(directory, state.OptimizerFile);
        if (!File.Exists(path)) return null;
        using var reader = new BinaryReader(File.OpenRead(path));
        try { return reader.ReadString(); }
        catch (EndOfStreamException) { return null; }
    }

    public TrainerState Save(TrainerState state, nn.Module model, OptimizerHelper optimizer, bool isBest)
    {
        var epoch = state.CompletedEpochs;
        var saved = state with
        {
            ModelFile = $"model-{epoch}.bin",
            OptimizerFile = $"optimizer-{epoch}.bin",
            BestFile = isBest ? $"best-{epoch}.bin" : state.BestFile,
        };
        WriteModel(model, saved.ModelFile);
        if (isBest) File.Copy(Path.Combine(directory, saved.ModelFile), Path.Combine(directory, saved.BestFile!), overwrite: true);
        AtomicFile.Write(Path.Combine(directory, saved.OptimizerFile), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });
        AtomicFile.WriteAllText(StatePath, JsonSerializer.Serialize(saved, Json));
        var keep = new[] { saved.ModelFile, saved.OptimizerFile, saved.BestFile, "state.json" };
        foreach (var file in Directory.EnumerateFiles(directory))
            if (!keep.Contains(Path.GetFileName(file))) File.Delete(file);
        return saved;
    }

    public void LoadBest(TrainerState state, nn.Module model)
    {
        if (state.BestFile is not null) model.load(Path.Combine(directory, state.BestFile));
    }

    /// <summary>The weights of the last completed epoch (what <see cref="Load"/> resumes from).</summary>
    public void LoadLatest(TrainerState state, nn.Module model) => model.load(Path.Combine(directory, state.ModelFile));

    void WriteModel(nn.Module model, string file) =>
        AtomicFile.Write(Path.Combine(directory, file), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            model.save(writer);
        });
}
