using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>The analytic cost of <see cref="BranchyLeNetModule"/>, from the options and input shape alone (no tensors, no libtorch).</summary>
internal static class BranchyLeNetCost
{
    /// <summary>One stage per entry of <paramref name="channels"/>; throws when the input is too small for that many pooling blocks.</summary>
    public static StageCost[] Stages(InputSpec input, IReadOnlyList<int> channels, int headGrid)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(channels);
        var stages = new StageCost[channels.Count];
        var (cin, h, w) = (input.Channels, input.Height, input.Width);
        for (var k = 0; k < channels.Count; k++)
        {
            var cout = channels[k];
            if (h < 2 || w < 2)
            {
                throw new ArgumentException($"Input {input.Height}×{input.Width} is too small for {channels.Count} pooling blocks.", nameof(channels));
            }

            var convFlops = Flops.Conv2d(cin, cout, 3, h, w, bias: true) + Flops.Elementwise((long)cout * h * w);
            var (ph, pw) = (h / 2, w / 2);
            var features = cout * headGrid * headGrid;
            stages[k] = new StageCost(
                convFlops + Flops.Pool(cout, ph, pw, 2 * 2),
                Flops.AdaptiveAvgPool(cout, ph, pw, headGrid, headGrid) + Flops.Linear(features, input.Classes),
                BackboneParameters: ParameterCount.Conv2d(cin, cout, 3, bias: true),
                HeadParameters: ParameterCount.Linear(features, input.Classes));
            (cin, h, w) = (cout, ph, pw);
        }

        return stages;
    }
}
