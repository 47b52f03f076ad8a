using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>The one place cumulative per-exit cost is computed: cost(k) = backbone up to exit k + every head up to k.</summary>
public static class ExitCosts
{
    /// <summary>The cost convention every leaderboard states.</summary>
    public const string Convention = Flops.Convention + Cumulation;

    /// <summary>The cost convention a leaderboard states when its suite chose <see cref="Flops.MultiplyAdd"/>.</summary>
    public const string MultiplyAddConvention = Flops.MultiplyAddConvention + Cumulation;

    private const string Cumulation = "; cost(k) = backbone up to exit k + every exit head up to k";

    /// <summary>The convention a leaderboard states for a suite's <c>cost_convention</c> name.</summary>
    /// <param name="name"><see cref="Flops.EeBench"/> or <see cref="Flops.MultiplyAdd"/>.</param>
    /// <returns><see cref="Convention"/> or <see cref="MultiplyAddConvention"/>.</returns>
    /// <exception cref="ArgumentException">Another name.</exception>
    public static string ConventionOf(string name) => name switch
    {
        Flops.EeBench => Convention,
        Flops.MultiplyAdd => MultiplyAddConvention,
        _ => throw new ArgumentException($"unknown cost convention '{name}'", nameof(name)),
    };

    /// <summary>Cumulative cost and parameters per exit from a built model's analytic stage costs.</summary>
    public static IReadOnlyList<ExitInfo> Of(MultiExitModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromStages(model.Stages);
    }

    /// <summary>Cumulative cost and parameters per exit from analytic stage costs (a model's, or an architecture's description).</summary>
    public static IReadOnlyList<ExitInfo> FromStages(IReadOnlyList<StageCost> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var result = new List<ExitInfo>();
        long backbone = 0, heads = 0, backboneParams = 0, headParams = 0;
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
        {
            backbone += stage.BackboneFlops;
            heads += stage.HeadFlops;
            backboneParams += stage.BackboneParameters;
            headParams += stage.HeadParameters;
            result.Add(new ExitInfo(index + 1, backbone + heads, 0, backboneParams + headParams, stage.BackboneFlops, stage.HeadFlops));
        }

        return WithRelative(result);
    }

    /// <summary>Exits known only by their cumulative costs, as a logits bundle gives them.</summary>
    public static IReadOnlyList<ExitInfo> Of(IReadOnlyList<double> cumulativeCosts)
    {
        ArgumentNullException.ThrowIfNull(cumulativeCosts);
        return WithRelative(cumulativeCosts.Select((c, i) => new ExitInfo(i + 1, c, 0, null, null, null)).ToList());
    }

    /// <summary>The cumulative costs alone, exit 1 first.</summary>
    public static double[] Cumulative(MultiExitModule model) => Of(model).Select(e => e.Cost).ToArray();

    private static IReadOnlyList<ExitInfo> WithRelative(IReadOnlyList<ExitInfo> exits)
    {
        var last = exits[^1].Cost;
        return exits.Select(e => e with { RelativeCost = e.Cost / last }).ToList();
    }
}
