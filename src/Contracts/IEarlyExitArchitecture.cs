namespace EarlyExitBench.Contracts;

/// <summary>An architecture kind: builds a multi-exit network for an input shape, and says what it costs without building it.</summary>
public interface IEarlyExitArchitecture
{
    /// <summary>Builds a freshly initialised network; the host seeds TorchSharp before calling.</summary>
    /// <param name="input">Input shape and class count.</param>
    /// <returns>The network, on the CPU.</returns>
    MultiExitModule Build(InputSpec input);

    /// <summary>
    /// The analytic cost of each stage of the network <see cref="Build"/> would return for <paramref name="input"/>, exit 0
    /// first: its count is the number of exits, and it equals that network's <see cref="MultiExitModule.Stages"/>.
    /// <c>validate</c> and <c>plan</c> call this, so they run where libtorch cannot load; override it to compute the costs
    /// from the options and the shape alone, creating no tensor and touching no <c>torch</c> member. The default builds the
    /// network (which loads libtorch) and reads its stages.
    /// </summary>
    /// <param name="input">Input shape and class count.</param>
    /// <returns>One <see cref="StageCost"/> per exit.</returns>
    /// <exception cref="ArgumentException">The input does not fit the architecture, as <see cref="Build"/> would throw.</exception>
    IReadOnlyList<StageCost> Describe(InputSpec input)
    {
        using var model = Build(input);
        return [.. model.Stages];
    }

    /// <summary>
    /// The analytic cost of each stage counted in the named convention: <see cref="Flops.EeBench"/> (what
    /// <see cref="Describe(InputSpec)"/> returns) or <see cref="Flops.MultiplyAdd"/>. The FLOP fields of each
    /// <see cref="StageCost"/> then hold that convention's figures; the parameter counts are the same in every convention.
    /// A suite chooses the convention with <c>cost_convention</c>, and one whose architecture returns null is refused. The
    /// default counts only in <see cref="Flops.EeBench"/>; the same rules as for <see cref="Describe(InputSpec)"/> apply.
    /// </summary>
    /// <param name="input">Input shape and class count.</param>
    /// <param name="convention">A convention's name.</param>
    /// <returns>One <see cref="StageCost"/> per exit, or null when the architecture cannot count in that convention.</returns>
    /// <exception cref="ArgumentException">The input does not fit the architecture, as <see cref="Build"/> would throw.</exception>
    IReadOnlyList<StageCost>? Describe(InputSpec input, string convention) => convention == Flops.EeBench ? Describe(input) : null;
}
