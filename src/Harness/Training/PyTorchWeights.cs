using System.Collections;
using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// Loads a PyTorch <c>state_dict</c> (<c>torch.save(model.state_dict(), "x.pt")</c>, or a <c>.safetensors</c> file) into a
/// TorchSharp module with TorchSharp.PyBridge's readers (a TorchScript archive's own tensors through libtorch), strictly: every missing, unexpected or mis-shaped key is listed
/// in one error before anything is copied, so a model is never left half loaded. A training checkpoint as the field saves
/// it (a dict whose <c>state_dict</c> entry holds the weights, e.g. MSDNet's <c>.pth.tar</c>) is read as its state_dict,
/// and DataParallel's <c>module.</c> prefix, when every key has it, is removed.
/// </summary>
public static class PyTorchWeights
{
    /// <summary>Reads <paramref name="path"/> and copies every tensor into <paramref name="model"/>'s parameters and buffers.</summary>
    /// <param name="model">The module; its tensors keep their device and dtype (values are converted).</param>
    /// <param name="path">A <c>.pt</c>/<c>.pth</c>/<c>.bin</c>/<c>.tar</c> file written by <c>torch.save</c> (zip format) or a <c>.safetensors</c> file.</param>
    /// <param name="label">What the model is, for messages (e.g. the architecture alias).</param>
    /// <returns>The number of tensors loaded.</returns>
    /// <exception cref="InvalidDataException">The file is missing, unreadable, or does not match the model; the message names the file and every mismatch.</exception>
    public static int Load(nn.Module model, string path, string label)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        using var scope = NewDisposeScope();
        var file = Read(path);
        var target = model.state_dict();
        var problems = Mismatches(target, file);
        if (problems.Count > 0)
        {
            var advice = model is MultiExitModule multiExit ? multiExit.AdviseOnWeights(file.ToDictionary(e => e.Key, e => e.Value.shape)) : [];
            var lead = advice.Count > 0 ? string.Join("; ", advice) + ". Keys: " : string.Empty;
            throw new InvalidDataException($"{path}: the weights do not fit {label}: {lead}{string.Join("; ", problems)}");
        }

        using (no_grad())
        {
            foreach (var (key, tensor) in target)
            {
                tensor.copy_(file[key]);
            }
        }

        return target.Count;
    }

    /// <summary>Every key missing from the file, unexpected in it, or of another shape, as readable lines (empty when they fit).</summary>
    /// <param name="model">The model's state_dict.</param>
    /// <param name="file">The file's tensors by key.</param>
    /// <returns>Groups of problems: "missing keys: …", "unexpected keys: …", "shape mismatches: key: file [..], model [..]".</returns>
    public static IReadOnlyList<string> Mismatches(IReadOnlyDictionary<string, Tensor> model, IReadOnlyDictionary<string, Tensor> file)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(file);
        var problems = new List<string>();
        var missing = model.Keys.Where(k => !file.ContainsKey(k)).ToList();
        var unexpected = file.Keys.Where(k => !model.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var shapes = model.Where(e => file.TryGetValue(e.Key, out var t) && !t.shape.SequenceEqual(e.Value.shape))
            .Select(e => $"{e.Key}: file [{string.Join(", ", file[e.Key].shape)}], model [{string.Join(", ", e.Value.shape)}]")
            .ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing keys: {string.Join(", ", missing)}");
        }

        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected keys: {string.Join(", ", unexpected)}");
        }

        if (shapes.Count > 0)
        {
            problems.Add($"shape mismatches: {string.Join(", ", shapes)}");
        }

        return problems;
    }

    private static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: weights file not found");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".safetensors" or ".pt" or ".pth" or ".bin" or ".tar"))
        {
            throw new InvalidDataException($"{path}: unknown weights format '{extension}' (expected .pt, .pth, .pth.tar, .bin or .safetensors)");
        }

        Dictionary<string, Tensor>? safetensors = null;
        Hashtable? pickle = null;
        try
        {
            if (extension == ".safetensors")
            {
                safetensors = Safetensors.LoadStateDict(path);
            }
            else if (IsTorchScript(path))
            {
                // An archive torch.jit.save wrote (the torchscript architecture's file): its own parameters and buffers.
                using var script = jit.load(path);
                safetensors = script.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().clone());
            }
            else
            {
                pickle = PyTorchUnpickler.UnpickleStateDict(path);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: cannot read PyTorch weights ({ex.Message}); save them with torch.save(model.state_dict(), path) or as safetensors", ex);
        }

        return safetensors ?? FromPickle(pickle!, path);
    }

    private static bool IsTorchScript(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName.Contains("/code/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false; // torch.save's legacy (non-zip) format
        }
    }

    private static Dictionary<string, Tensor> FromPickle(Hashtable table, string path)
    {
        // A checkpoint ({'epoch': …, 'state_dict': {...}, 'optimizer': {...}}): the weights are its state_dict.
        if (table["state_dict"] is Hashtable inner && !table.Values.OfType<Tensor>().Any())
        {
            table = inner;
        }

        var result = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in table)
        {
            result[(string)entry.Key] = entry.Value as Tensor
                ?? throw new InvalidDataException($"{path}: entry '{entry.Key}' is not a tensor; the file must hold a state_dict (torch.save(model.state_dict(), path)), not a whole checkpoint");
        }

        const string parallel = "module.";
        return result.Count > 0 && result.Keys.All(k => k.StartsWith(parallel, StringComparison.Ordinal))
            ? result.ToDictionary(e => e.Key[parallel.Length..], e => e.Value)
            : result;
    }
}
