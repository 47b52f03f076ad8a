using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>
/// <c>extra/eebench.json</c> inside a TorchScript archive: the input the model takes and each exit's costs. Read as a zip
/// entry, without libtorch, so <c>validate</c> and <c>plan</c> learn the exits and costs where libtorch cannot load.
/// </summary>
internal sealed record TorchScriptManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("input")] int[] Input,
    [property: JsonPropertyName("classes")] int Classes,
    [property: JsonPropertyName("stages")] TorchScriptStage[] Stages)
{
    /// <summary>The format this reader understands.</summary>
    public const string CurrentFormat = "eebench-torchscript/1";

    /// <summary>Reads the manifest of <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The file is missing, not a TorchScript archive, or has no valid manifest.</exception>
    public static TorchScriptManifest Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("torchscript needs options.file: the TorchScript file tools/export_torchscript.py wrote.", "options");
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"torchscript: file '{Path.GetFullPath(path)}' not found (options.file is read from the working directory).", "options");
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/extra/eebench.json", StringComparison.Ordinal))
                ?? throw new ArgumentException($"torchscript: '{path}' has no extra/eebench.json; export it with tools/export_torchscript.py (torch.jit.save(..., _extra_files={{\"eebench.json\": ...}})).", "options");
            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<TorchScriptManifest>(stream)
                ?? throw new ArgumentException($"torchscript: '{path}': extra/eebench.json is empty.", "options");
            manifest.Check(path);
            return manifest;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            throw new ArgumentException($"torchscript: '{path}' is not a TorchScript archive with a readable extra/eebench.json ({ex.Message}).", "options", ex);
        }
    }

    /// <summary>The stage costs for <paramref name="input"/>, which must be the input the model was exported for.</summary>
    public IReadOnlyList<StageCost> StagesFor(InputSpec input, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Input.SequenceEqual([input.Channels, input.Height, input.Width]) || Classes != input.Classes)
        {
            throw new ArgumentException($"torchscript: '{path}' was exported for {string.Join("×", Input)} inputs and {Classes} classes; the dataset gives {input.Channels}×{input.Height}×{input.Width} and {input.Classes}.", nameof(input));
        }

        return [.. Stages.Select(s => new StageCost(s.BackboneFlops, s.HeadFlops, s.BackboneParameters, s.HeadParameters))];
    }

    private void Check(string path)
    {
        if (Format != CurrentFormat)
        {
            throw new ArgumentException($"torchscript: '{path}' has manifest format '{Format}'; this eebench reads '{CurrentFormat}'.", "options");
        }

        if (Input is not { Length: 3 } || Input.Any(d => d <= 0) || Classes <= 0 || Stages is not { Length: > 0 }
            || Stages.Any(s => s.BackboneFlops < 0 || s.HeadFlops < 0 || s.BackboneParameters < 0 || s.HeadParameters < 0))
        {
            throw new ArgumentException($"torchscript: '{path}': extra/eebench.json needs input [C, H, W], classes and one stage per exit with non-negative costs.", "options");
        }
    }
}
