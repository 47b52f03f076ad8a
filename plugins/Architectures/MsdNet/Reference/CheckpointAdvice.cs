using System.Globalization;
using System.Text.RegularExpressions;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// Reads a reference checkpoint's keys and shapes and says which <c>msdnet</c> option makes the model fit it: what the
/// file's stem, scales, widths, classifiers and blocks imply, compared with the options given.
/// </summary>
internal static partial class CheckpointAdvice
{
    /// <summary>Advice for a file that does not fit the model built from <paramref name="config"/> for <paramref name="input"/>.</summary>
    public static IReadOnlyList<string> For(IReadOnlyDictionary<string, long[]> file, ReferenceConfig config, InputSpec input)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(input);
        var advice = new List<string>();
        if (file.Keys.Any(k => k.StartsWith("blocks.0.stem.", StringComparison.Ordinal) || k.StartsWith("heads.", StringComparison.Ordinal)))
        {
            return ["the keys (blocks.0.stem.*, heads.*) are preset small's, not the reference's; set preset: small with its options, or drop the reference options"];
        }

        var classifiers = Indices(file.Keys, ClassifierKey());
        if (classifiers.Count > 0 && classifiers.Count != config.Blocks)
        {
            advice.Add($"the file has {classifiers.Count} classifiers; set n_blocks: {classifiers.Count}");
        }

        var imageNetStem = file.TryGetValue("blocks.0.0.layers.0.0.weight", out var stem7);
        var cifarStem = file.TryGetValue("blocks.0.0.layers.0.net.0.weight", out var stem3);
        if (imageNetStem && !config.ImageNet)
        {
            advice.Add("keys look like the ImageNet stem (a 7×7 convolution with bias at blocks.0.0.layers.0.0); set data: imagenet");
        }
        else if (cifarStem && config.ImageNet)
        {
            advice.Add("keys look like the CIFAR stem (a 3×3 ConvBasic at blocks.0.0.layers.0.net.0); set data: cifar");
        }

        var scales = Indices(file.Keys, StemScaleKey());
        if (scales.Count > 0 && scales.Count != config.Scales)
        {
            advice.Add($"the stem makes {scales.Count} scales; set gr_factor and bn_factor with {scales.Count} factors (the reference's: {(scales.Count == 4 ? "1-2-4-4" : "1-2-4")})");
        }

        if ((imageNetStem ? stem7 : cifarStem ? stem3 : null) is { } first && first.Length == 4 && scales.Count == config.Scales && first[0] % config.GrFactor[0] == 0)
        {
            var channels = (int)(first[0] / config.GrFactor[0]);
            if (channels != config.Channels)
            {
                advice.Add($"the stem's finest scale has {first[0]} channels; set n_channels: {channels}");
            }
        }

        var bottleneck = file.ContainsKey("blocks.0.1.layers.0.conv_normal.net.3.weight");
        if (file.ContainsKey("blocks.0.1.layers.0.conv_normal.net.0.weight") && bottleneck != config.Bottleneck)
        {
            advice.Add($"the dense layers {(bottleneck ? "have" : "have no")} 1×1 bottleneck; set bottleneck: {(bottleneck ? "true" : "false")}");
        }

        if (file.TryGetValue($"blocks.0.1.layers.0.conv_normal.net.{(bottleneck ? 3 : 0)}.weight", out var dense) && dense[0] % config.GrFactor[0] == 0
            && dense[0] / config.GrFactor[0] != config.GrowthRate)
        {
            advice.Add($"the first dense layer adds {dense[0]} channels; set growth_rate: {dense[0] / config.GrFactor[0]}");
        }

        if (file.TryGetValue("classifier.0.linear.weight", out var linear) && linear[0] != input.Classes)
        {
            advice.Add($"the classifiers have {linear[0]} classes and the data set {input.Classes}: use the data set the checkpoint was trained on");
        }

        if (advice.Count == 0 && classifiers.Count == config.Blocks)
        {
            var plan = config.Plan(input.Channels);
            var layout = string.Join(", ", plan.Select((b, k) => Indices(file.Keys, BlockEntryKey(k)).Count));
            var ours = string.Join(", ", plan.Select(b => b.Layers.Count));
            if (layout != ours)
            {
                advice.Add($"the file's blocks have {layout} entries (dense layers and transitions), the options give {ours}; check base, step, step_mode, prune and reduction");
            }
        }

        return advice;
    }

    private static List<int> Indices(IEnumerable<string> keys, Regex pattern)
        => keys.Select(k => pattern.Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    private static Regex BlockEntryKey(int block) => new($"^blocks\\.{block}\\.(\\d+)\\.", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^classifier\.(\d+)\.linear\.weight$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassifierKey();

    [GeneratedRegex(@"^blocks\.0\.0\.layers\.(\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex StemScaleKey();
}
