using EarlyExitBench.Architectures.MsdNet.Reference;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>Builds the <c>small</c> preset (<see cref="MsdNetModule"/>) or the <c>reference</c> one (<see cref="ReferenceMsdNetModule"/>) from validated options.</summary>
public sealed class MsdNetArchitecture : IEarlyExitArchitecture
{
    private static readonly string[] ReferenceOnly = ["n_blocks", "step_mode", "n_channels", "gr_factor", "bn_factor", "prune", "reduction", "data"];
    private readonly SmallConfig? _small;
    private readonly ReferenceConfig? _reference;

    /// <summary>Creates the architecture.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or the options mix the two presets.</exception>
    public MsdNetArchitecture(MsdNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = GivenReferenceOptions(options);
        var preset = options.Preset ?? (given.Count > 0 ? "reference" : "small");
        if (preset == "reference")
        {
            _reference = ReferenceConfig.From(options);
            return;
        }

        Require(preset == "small", $"preset '{options.Preset}' is not small or reference.");
        Require(given.Count == 0, $"{string.Join(", ", given)} belong to preset reference; drop them or set preset: reference.");
        var small = SmallConfig.From(options);
        Require(small.Blocks > 0, "blocks must be positive.");
        Require(small.Base >= 0, "base must be 0 or more.");
        Require(small.Step > 0 || small.Blocks == 1, "step must be positive when there is more than one block.");
        Require(small.BaseChannels > 0, "base_channels must be positive.");
        Require(small.GrowthRate > 0, "growth_rate must be positive.");
        Require(small.HeadChannels > 0, "head_channels must be positive.");
        _small = small;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input)
        => _reference is null ? new MsdNetModule(input, _small!) : new ReferenceMsdNetModule(input, _reference);

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input)
        => _reference is null ? MsdNetCost.Stages(input, _small!) : ReferenceCost.Stages(input, _reference).Select(s => s.Cost).ToArray();

    /// <summary>
    /// Both presets count in <see cref="Flops.EeBench"/>; the reference preset also in <see cref="Flops.MultiplyAdd"/>, as
    /// <c>op_counter.py</c> does (<see cref="ReferenceOps"/> is its cumulative sum).
    /// </summary>
    /// <param name="input">Input shape and class count.</param>
    /// <param name="convention">A convention's name.</param>
    /// <returns>One cost per stage, or null for a convention this preset cannot count in.</returns>
    public IReadOnlyList<StageCost>? Describe(InputSpec input, string convention) => convention switch
    {
        Flops.EeBench => Describe(input),
        Flops.MultiplyAdd when _reference is not null => ReferenceCost.Stages(input, _reference)
            .Select(s => new StageCost(s.BackboneOps, s.HeadOps, s.Cost.BackboneParameters, s.Cost.HeadParameters)).ToArray(),
        _ => null,
    };

    /// <summary>
    /// Each exit's cumulative cost in the convention of the reference's <c>op_counter.py</c>: a multiply-add 1 (convolution
    /// biases not counted), a linear layer's weights and biases, a ReLU 1 per element, a pooling window 1 per element read,
    /// BatchNorm 0; cost(k) = every block and every classifier up to exit k. Null for the small preset.
    /// </summary>
    /// <param name="input">Input shape and class count.</param>
    /// <returns>One figure per exit, or null.</returns>
    public IReadOnlyList<long>? ReferenceOps(InputSpec input)
    {
        if (_reference is null)
        {
            return null;
        }

        long total = 0;
        return ReferenceCost.Stages(input, _reference).Select(s => total += s.BackboneOps + s.HeadOps).ToArray();
    }

    private static List<string> GivenReferenceOptions(MsdNetOptions o)
    {
        object?[] values = [o.NBlocks, o.StepMode, o.NChannels, o.GrFactor, o.BnFactor, o.Prune, o.Reduction, o.Data];
        return ReferenceOnly.Where((_, i) => values[i] is not null).ToList();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "options");
        }
    }
}
