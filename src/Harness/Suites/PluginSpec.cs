using System.Text.Json.Nodes;

namespace EarlyExitBench.Harness.Suites;

/// <summary>A plugin named in a suite, with its raw options.</summary>
/// <param name="Alias">Alias to look up in the registry of its kind.</param>
/// <param name="Options">The <c>options:</c> mapping as JSON (empty when absent).</param>
/// <param name="Location">Where the alias is written.</param>
/// <param name="OptionsLocation">Where the options start (the alias when absent).</param>
public sealed record PluginSpec(string Alias, JsonObject Options, SourceLocation Location, SourceLocation OptionsLocation)
{
    /// <summary>Canonical text of the options, for cache keys and reports.</summary>
    public string OptionsJson => Options.ToJsonString();

    /// <summary>Where each top-level option key is written, so an option error points at its own line.</summary>
    public IReadOnlyDictionary<string, SourceLocation> OptionLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// For an architecture, a PyTorch <c>state_dict</c> (<c>.pt</c>, <c>.pth</c>, <c>.bin</c>), a checkpoint holding one (<c>.pth.tar</c>) or a <c>.safetensors</c> file to
    /// load instead of training, as a full path (the suite writes it relative to its own folder); null trains.
    /// </summary>
    public string? Weights { get; init; }

    /// <summary>Where <see cref="Weights"/> is written.</summary>
    public SourceLocation? WeightsLocation { get; init; }
}
