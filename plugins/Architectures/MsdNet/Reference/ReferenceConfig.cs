using System.Globalization;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's arguments, resolved (defaults from its <c>args.py</c>), and the block plan its <c>MSDNet.__init__</c>
/// derives from them: steps per block, scale pruning (<c>prune</c> max/min) and transition layers, verbatim in effect.
/// </summary>
/// <param name="Blocks"><c>nBlocks</c>.</param>
/// <param name="Base"><c>base</c>: dense layers of block 1.</param>
/// <param name="Step"><c>step</c>.</param>
/// <param name="EvenSteps"><c>stepmode == 'even'</c>; otherwise block i (from 0) has step·i + 1 layers.</param>
/// <param name="Channels"><c>nChannels</c>.</param>
/// <param name="GrowthRate"><c>growthRate</c>.</param>
/// <param name="GrFactor"><c>grFactor</c>; its length is the number of scales.</param>
/// <param name="BnFactor"><c>bnFactor</c>.</param>
/// <param name="Bottleneck"><c>bottleneck</c>.</param>
/// <param name="PruneMax"><c>prune == 'max'</c>; otherwise min.</param>
/// <param name="Reduction"><c>reduction</c>.</param>
/// <param name="ImageNet"><c>data == 'ImageNet'</c>: 7×7 stem with max pool and ImageNet classifiers; otherwise CIFAR's.</param>
internal sealed record ReferenceConfig(
    int Blocks, int Base, int Step, bool EvenSteps, int Channels, int GrowthRate, IReadOnlyList<int> GrFactor, IReadOnlyList<int> BnFactor,
    bool Bottleneck, bool PruneMax, double Reduction, bool ImageNet)
{
    /// <summary>Channels of each CIFAR classifier's two convolutions (fixed in the reference).</summary>
    public const int CifarHeadChannels = 128;

    /// <summary>Number of scales.</summary>
    public int Scales => GrFactor.Count;

    /// <summary>Resolves and checks the options; every problem in one message.</summary>
    /// <exception cref="ArgumentException">An option is out of range or malformed; the message says which and what is allowed.</exception>
    public static ReferenceConfig From(MsdNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var gr = Factors(options.GrFactor ?? "1-2-4", "gr_factor", problems);
        var bn = Factors(options.BnFactor ?? "1-2-4", "bn_factor", problems);
        if (gr.Length > 0 && bn.Length > 0 && bn.Length < gr.Length)
        {
            problems.Add($"bn_factor has {bn.Length} factors but gr_factor {gr.Length}: give one per scale");
        }

        var stepMode = options.StepMode ?? "lin_grow";
        if (stepMode is not ("even" or "lin_grow"))
        {
            problems.Add($"step_mode '{stepMode}' is not even or lin_grow");
        }

        var prune = options.Prune ?? "max";
        if (prune is not ("max" or "min"))
        {
            problems.Add($"prune '{prune}' is not max or min");
        }

        var data = (options.Data ?? "cifar").ToLowerInvariant();
        if (data is not ("cifar" or "cifar10" or "cifar100" or "imagenet"))
        {
            problems.Add($"data '{options.Data}' is not cifar or imagenet");
        }

        var config = new ReferenceConfig(
            options.NBlocks ?? 1, options.Base, options.Step ?? 1, stepMode == "even", options.NChannels ?? 32, options.GrowthRate, gr, bn,
            options.Bottleneck, prune == "max", options.Reduction ?? 0.5, data == "imagenet");
        Require(config.Blocks > 0, "n_blocks must be positive", problems);
        Require(config.Base > 0, "base must be positive (the first block needs a dense layer)", problems);
        Require(config.Step > 0 || (config.Blocks == 1) || !config.EvenSteps, "step must be positive when there is more than one block", problems);
        Require(config.Step >= 0, "step must be 0 or more", problems);
        Require(config.Channels > 0, "n_channels must be positive", problems);
        Require(config.GrowthRate > 0, "growth_rate must be positive", problems);
        Require(config.Reduction is >= 0 and <= 1, "reduction must be in [0, 1]", problems);
        Require(gr.Skip(1).All(f => config.GrowthRate * f % 2 == 0), "growth_rate · gr_factor must be even at every scale but the first (a layer adds half from the finer scale, half from its own)", problems);
        if (options.Blocks is not null || options.BaseChannels is not null || options.HeadChannels is not null)
        {
            problems.Add("blocks, base_channels and head_channels belong to preset small; the reference's are n_blocks and n_channels (its CIFAR classifiers have 128 channels, its ImageNet ones as many as their input)");
        }

        return problems.Count == 0 ? config : throw new ArgumentException(string.Join("; ", problems) + ".", nameof(options));
    }

    /// <summary>Dense layers per block: <c>base</c>, then <c>step</c> (even) or step·i + 1 (lin_grow).</summary>
    public int[] Steps() => Enumerable.Range(0, Blocks).Select(i => i == 0 ? Base : EvenSteps ? Step : (Step * i) + 1).ToArray();

    /// <summary>The blocks as <c>MSDNet._build_block</c> lays them out, for an image of <paramref name="imageChannels"/> channels.</summary>
    public ReferenceBlock[] Plan(int imageChannels)
    {
        var steps = Steps();
        var all = steps.Sum();
        var (current, channels, kept) = (0, Channels, Scales);
        var blocks = new ReferenceBlock[Blocks];
        for (var k = 0; k < Blocks; k++)
        {
            var layers = new List<ReferenceLayer>();
            if (current == 0)
            {
                layers.Add(new ReferenceLayer(ReferenceLayerKind.First, imageChannels, Channels, 0, Scales));
            }

            for (var i = 0; i < steps[k]; i++)
            {
                current++;
                int inScales, outScales;
                if (PruneMax)
                {
                    var interval = (int)Math.Ceiling(1.0 * all / Scales);
                    inScales = Scales - (int)Math.Floor(1.0 * Math.Max(0, current - 2) / interval);
                    outScales = Scales - (int)Math.Floor(1.0 * (current - 1) / interval);
                }
                else
                {
                    inScales = Math.Min(Scales, all - current + 2);
                    outScales = Math.Min(Scales, all - current + 1);
                }

                layers.Add(new ReferenceLayer(ReferenceLayerKind.Dense, channels, GrowthRate, inScales, outScales));
                channels += GrowthRate;
                kept = outScales;
                var transition = PruneMax
                    ? inScales > outScales && Reduction > 0
                    : Reduction > 0 && (current == (int)Math.Floor(1.0 * all / 3) || current == (int)Math.Floor(2.0 * all / 3));
                if (transition)
                {
                    var reduced = (int)Math.Floor(1.0 * Reduction * channels);
                    layers.Add(new ReferenceLayer(ReferenceLayerKind.Transition, channels, reduced, outScales, outScales));
                    channels = reduced;
                }
            }

            blocks[k] = new ReferenceBlock(layers, channels, kept);
        }

        return blocks;
    }

    /// <summary>Height (or width) of every scale for an image side: the stem's output, then a stride-2 3×3 convolution per scale.</summary>
    public int[] ScaleSizes(int side)
    {
        var sizes = new int[Scales];
        // ImageNet: 7×7 stride-2 conv (padding 3), then 3×3 stride-2 max pool (padding 1); both ⌊(n − 1)/2⌋ + 1.
        sizes[0] = ImageNet ? Half(Half(side)) : side;
        for (var s = 1; s < Scales; s++)
        {
            sizes[s] = Half(sizes[s - 1]);
        }

        return sizes;
    }

    /// <summary>Output side of a stride-2 window that pads as much as it overhangs (3×3 pad 1, 7×7 pad 3): ⌊(n − 1)/2⌋ + 1.</summary>
    public static int Half(int size) => ((size - 1) / 2) + 1;

    private static int[] Factors(string text, string name, List<string> problems)
    {
        var parts = text.Split('-');
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
            {
                problems.Add($"{name} '{text}' is not positive integers joined by '-' (e.g. 1-2-4)");
                return [];
            }
        }

        return values;
    }

    private static void Require(bool condition, string message, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(message);
        }
    }
}
