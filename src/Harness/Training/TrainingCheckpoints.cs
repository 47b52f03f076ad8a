using System.Text.Json;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Storage;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// End-of-epoch training state in one folder: model weights, optimiser state and torch's RNG state, plus
/// <c>state.json</c> naming the epoch and each file's SHA-256. <c>state.json</c> is written last, so a run killed
/// while saving resumes from the previous epoch. The data order needs no file: it is replayed from the seed.
/// </summary>
public sealed class TrainingCheckpoints(string directory, ILogger logger)
{
    private const string StateFile = "state.json";

    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Restores the newest intact epoch into <paramref name="model"/> and <paramref name="optimizer"/>; returns the epochs done (0 = start afresh).</summary>
    public int Restore(MultiExitModule model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var statePath = Path.Combine(Directory, StateFile);
        if (!File.Exists(statePath))
        {
            return 0;
        }

        try
        {
            var state = JsonSerializer.Deserialize<State>(File.ReadAllText(statePath)) ?? throw new InvalidDataException("empty");
            foreach (var (file, hash) in state.Files)
            {
                var actual = AtomicFile.Sha256(Path.Combine(Directory, file));
                if (actual != hash)
                {
                    throw new InvalidDataException($"{file} does not match its checksum");
                }
            }

            model.load(Path.Combine(Directory, state.Files.Keys.Single(f => f.EndsWith(".model.pt", StringComparison.Ordinal))));
            Helper(optimizer).load_state_dict(Path.Combine(Directory, state.Files.Keys.Single(f => f.EndsWith(".optim.pt", StringComparison.Ordinal))));
            var rng = File.ReadAllBytes(Path.Combine(Directory, state.Files.Keys.Single(f => f.EndsWith(".rng", StringComparison.Ordinal))));
            using var rngState = tensor(rng, dtype: ScalarType.Byte);
            torch.random.set_rng_state(rngState);
            logger.Information("Resuming training after epoch {Epoch} from {Directory}", state.Epoch, Directory);
            return state.Epoch;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or InvalidOperationException or ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            logger.Warning("Training checkpoint in {Directory} is unusable ({Message}); removing it and training from the start", Directory, ex.Message);
            Clear();
            return 0;
        }
    }

    /// <summary>Saves the state after <paramref name="epoch"/> and drops the previous epoch's files.</summary>
    public void Save(int epoch, MultiExitModule model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        System.IO.Directory.CreateDirectory(Directory);
        var prefix = $"epoch-{epoch}";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string name, Action<string> write)
        {
            AtomicFile.Write(Path.Combine(Directory, name), write);
            files[name] = AtomicFile.Sha256(Path.Combine(Directory, name));
        }

        Put(prefix + ".model.pt", temp => model.save(temp));
        Put(prefix + ".optim.pt", temp => Helper(optimizer).save_state_dict(temp));
        using (var rng = torch.random.get_rng_state())
        {
            var bytes = rng.data<byte>().ToArray();
            Put(prefix + ".rng", temp => File.WriteAllBytes(temp, bytes));
        }

        AtomicFile.WriteAllText(Path.Combine(Directory, StateFile), JsonSerializer.Serialize(new State(epoch, files)));
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

    private static TorchSharp.Modules.OptimizerHelper Helper(optim.Optimizer optimizer) =>
        optimizer as TorchSharp.Modules.OptimizerHelper ?? throw new InvalidOperationException($"{optimizer.GetType().Name} cannot save its state");

    private sealed record State(int Epoch, SortedDictionary<string, string> Files);
}
