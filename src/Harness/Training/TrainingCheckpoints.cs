using System.Text.Json;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Storage;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// End-of-epoch training state in one folder: model weights, optimiser state and torch's RNG state (and, with early
/// stopping, the best epoch's weights), plus <c>state.json</c> naming the epoch and each file's SHA-256.
/// <c>state.json</c> is written last, so a run killed while saving resumes from the previous epoch. The data order
/// and the augmentation need no file: they are replayed from the seed; the learning rate is a function of the step.
/// </summary>
public sealed class TrainingCheckpoints(string directory, ILogger logger)
{
    private const string StateFile = "state.json";

    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Restores the newest intact epoch into <paramref name="model"/> and <paramref name="optimizer"/>; <see cref="TrainingState.Fresh"/> when there is none.</summary>
    public TrainingState Restore(MultiExitModule model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var statePath = Path.Combine(Directory, StateFile);
        if (!File.Exists(statePath))
        {
            return TrainingState.Fresh;
        }

        try
        {
            var state = JsonSerializer.Deserialize<Saved>(File.ReadAllText(statePath)) ?? throw new InvalidDataException("empty");
            foreach (var (file, hash) in state.Files)
            {
                if (AtomicFile.Sha256(Path.Combine(Directory, file)) != hash)
                {
                    throw new InvalidDataException($"{file} does not match its checksum");
                }
            }

            IReadOnlyDictionary<string, Tensor>? best = null;
            if (state.BestEpoch is { } bestEpoch)
            {
                model.load(Path.Combine(Directory, ModelFile(bestEpoch)));
                best = TrainingState.Copy(model);
            }

            model.load(Path.Combine(Directory, ModelFile(state.Epoch)));
            Helper(optimizer).load_state_dict(Path.Combine(Directory, $"epoch-{state.Epoch}.optim.pt"));
            var rng = File.ReadAllBytes(Path.Combine(Directory, $"epoch-{state.Epoch}.rng"));
            using var rngState = tensor(rng, dtype: ScalarType.Byte);
            torch.random.set_rng_state(rngState);
            logger.Information("Resuming training after epoch {Epoch} from {Directory}", state.Epoch, Directory);
            return new TrainingState(state.Epoch, state.BestLoss, state.BestEpoch, best);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or InvalidOperationException or ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            logger.Warning("Training checkpoint in {Directory} is unusable ({Message}); removing it and training from the start", Directory, ex.Message);
            Clear();
            return TrainingState.Fresh;
        }
    }

    /// <summary>Saves the state after <see cref="TrainingState.Epoch"/> and drops files no longer needed.</summary>
    public void Save(TrainingState state, MultiExitModule model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        System.IO.Directory.CreateDirectory(Directory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string name, Action<string> write)
        {
            AtomicFile.Write(Path.Combine(Directory, name), write);
            files[name] = AtomicFile.Sha256(Path.Combine(Directory, name));
        }

        Put(ModelFile(state.Epoch), temp => model.save(temp));
        Put($"epoch-{state.Epoch}.optim.pt", temp => Helper(optimizer).save_state_dict(temp));
        using (var rng = torch.random.get_rng_state())
        {
            var bytes = rng.data<byte>().ToArray();
            Put($"epoch-{state.Epoch}.rng", temp => File.WriteAllBytes(temp, bytes));
        }

        if (state.BestEpoch is { } best && best != state.Epoch)
        {
            // The best epoch's weights file was written when it was the newest; keep it.
            files[ModelFile(best)] = AtomicFile.Sha256(Path.Combine(Directory, ModelFile(best)));
        }

        AtomicFile.WriteAllText(Path.Combine(Directory, StateFile), JsonSerializer.Serialize(new Saved(state.Epoch, state.BestLoss, state.BestEpoch, files)));
        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, "epoch-*").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
    }

    /// <summary>Removes the folder (after the finished model is cached).</summary>
    public void Clear()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static string ModelFile(int epoch) => $"epoch-{epoch}.model.pt";

    private static TorchSharp.Modules.OptimizerHelper Helper(optim.Optimizer optimizer) =>
        optimizer as TorchSharp.Modules.OptimizerHelper ?? throw new InvalidOperationException($"{optimizer.GetType().Name} cannot save its state");

    private sealed record Saved(int Epoch, double? BestLoss, int? BestEpoch, SortedDictionary<string, string> Files);
}
