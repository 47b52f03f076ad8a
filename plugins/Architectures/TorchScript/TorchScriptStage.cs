using System.Text.Json.Serialization;

namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>One exit's costs as the export recorded them, per sample.</summary>
internal sealed record TorchScriptStage(
    [property: JsonPropertyName("backbone_flops")] long BackboneFlops,
    [property: JsonPropertyName("head_flops")] long HeadFlops,
    [property: JsonPropertyName("backbone_parameters")] long BackboneParameters,
    [property: JsonPropertyName("head_parameters")] long HeadParameters);
