using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>The analytic cost of <see cref="ReferenceMsdNetModule"/> from the plan and input shape alone (no tensors, no libtorch).</summary>
internal static class ReferenceCost
{
    /// <summary>Every stage, exit 0 first.</summary>
    /// <exception cref="ArgumentException">A classifier would not reduce its input to 1×1, as the reference's would fail.</exception>
    public static ReferenceStageCost[] Stages(InputSpec input, ReferenceConfig config)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(config);
        var (heights, widths) = (config.ScaleSizes(input.Height), config.ScaleSizes(input.Width));
        var plan = config.Plan(input.Channels);
        var stages = new ReferenceStageCost[plan.Length];
        for (var k = 0; k < plan.Length; k++)
        {
            var block = new CostTally();
            foreach (var layer in plan[k].Layers)
            {
                Layer(block, layer, config, input, heights, widths);
            }

            var head = new CostTally();
            Head(head, plan[k].Channels * config.GrFactor[^1], input.Classes, config.ImageNet, heights[^1], widths[^1]);
            stages[k] = new ReferenceStageCost(new StageCost(block.Flops, head.Flops, block.Parameters, head.Parameters), block.Ops, head.Ops);
        }

        return stages;
    }

    /// <summary>Channels of the classifier's convolutions: 128 on CIFAR, the input's on ImageNet.</summary>
    public static int HeadWidth(int inChannels, bool imageNet) => imageNet ? inChannels : ReferenceConfig.CifarHeadChannels;

    /// <summary>The classifier's side after its two stride-2 convolutions and 2×2 average pool; must be 1.</summary>
    public static void RequireOneByOne(int height, int width)
    {
        var (h, w) = (ReferenceConfig.Half(ReferenceConfig.Half(height)), ReferenceConfig.Half(ReferenceConfig.Half(width)));
        if (h < 2 || w < 2 || (h / 2) != 1 || (w / 2) != 1)
        {
            throw new ArgumentException($"the coarsest scale is {height}×{width}, which the reference classifier (two stride-2 convolutions, then a 2×2 average pool) does not reduce to 1×1; the reference expects 32×32 images with data: cifar and 224×224 with data: imagenet", "input");
        }
    }

    private static void Layer(CostTally tally, ReferenceLayer layer, ReferenceConfig config, InputSpec input, int[] heights, int[] widths)
    {
        var gr = config.GrFactor;
        var scales = config.Scales;
        switch (layer.Kind)
        {
            case ReferenceLayerKind.First:
                if (config.ImageNet)
                {
                    var (h, w) = tally.ConvBnRelu(input.Channels, layer.Out * gr[0], 7, 2, 3, input.Height, input.Width, bias: true);
                    tally.Pool(layer.Out * gr[0], ReferenceConfig.Half(h), ReferenceConfig.Half(w), 3);
                }
                else
                {
                    tally.ConvBnRelu(input.Channels, layer.Out * gr[0], 3, 1, 1, input.Height, input.Width);
                }

                for (var s = 1; s < scales; s++)
                {
                    tally.ConvBnRelu(layer.Out * gr[s - 1], layer.Out * gr[s], 3, 2, 1, heights[s - 1], widths[s - 1]);
                }

                break;
            case ReferenceLayerKind.Dense:
                var offset = scales - layer.OutScales;
                for (var s = offset; s < scales; s++)
                {
                    var added = layer.Out * gr[s];
                    if (s == offset && layer.InScales == layer.OutScales)
                    {
                        Conv(tally, config, layer.In * gr[s], added, 1, config.BnFactor[s], heights[s], widths[s]);
                    }
                    else
                    {
                        Conv(tally, config, layer.In * gr[s - 1], added / 2, 2, config.BnFactor[s - 1], heights[s - 1], widths[s - 1]);
                        Conv(tally, config, layer.In * gr[s], added / 2, 1, config.BnFactor[s], heights[s], widths[s]);
                    }
                }

                break;
            case ReferenceLayerKind.Transition:
                for (var s = scales - layer.OutScales; s < scales; s++)
                {
                    tally.ConvBnRelu(layer.In * gr[s], layer.Out * gr[s], 1, 1, 0, heights[s], widths[s]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layer));
        }
    }

    /// <summary>The reference's <c>ConvBN</c>: an optional 1×1 bottleneck of width min(in, bnWidth·out), then a 3×3.</summary>
    private static void Conv(CostTally tally, ReferenceConfig config, int cin, int cout, int stride, int bnWidth, int height, int width)
    {
        var inner = cin;
        if (config.Bottleneck)
        {
            inner = Math.Min(cin, bnWidth * cout);
            tally.ConvBnRelu(cin, inner, 1, 1, 0, height, width);
        }

        tally.ConvBnRelu(inner, cout, 3, stride, 1, height, width);
    }

    private static void Head(CostTally tally, int cin, int classes, bool imageNet, int height, int width)
    {
        RequireOneByOne(height, width);
        var inner = HeadWidth(cin, imageNet);
        var (h, w) = tally.ConvBnRelu(cin, inner, 3, 2, 1, height, width);
        (h, w) = tally.ConvBnRelu(inner, inner, 3, 2, 1, h, w);
        tally.Pool(inner, h / 2, w / 2, 2);
        tally.Linear(inner, classes);
    }
}
