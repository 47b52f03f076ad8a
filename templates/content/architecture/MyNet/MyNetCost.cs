using EarlyExitBench.Contracts;

namespace MyNet;

/// <summary>
/// The analytic cost of <see cref="MyNetModule"/>, per sample, in EarlyExitBench's one FLOP convention (<see cref="Flops"/>):
/// the harness compares it with a count of a real forward pass, so every layer of the module appears here.
/// </summary>
public static class MyNetCost
{
    /// <summary>Each stage's backbone and head FLOPs and parameters, exit 0 first.</summary>
    public static IReadOnlyList<StageCost> Stages(InputSpec input, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(widths);
        var stages = new List<StageCost>(widths.Count);
        var features = input.Channels * input.Height * input.Width; // flattening costs nothing
        foreach (var width in widths)
        {
            stages.Add(new StageCost(
                BackboneFlops: Flops.Linear(features, width) + Flops.Elementwise(width), // linear, then ReLU
                HeadFlops: Flops.Linear(width, input.Classes),
                BackboneParameters: ParameterCount.Linear(features, width),
                HeadParameters: ParameterCount.Linear(width, input.Classes)));
            features = width;
        }

        return stages;
    }
}
