using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>The analytic cost of <see cref="MsdNetModule"/>, from the options and input shape alone (no tensors, no libtorch).</summary>
internal static class MsdNetCost
{
    /// <summary>Channel multiplier of each scale for widths and growth (the paper's <c>grFactor</c>).</summary>
    public static readonly int[] ScaleFactors = [1, 2, 4];

    /// <summary>Bottleneck width multiplier of each scale (the paper's <c>bnFactor</c>).</summary>
    public static readonly int[] BottleneckFactors = [1, 2, 4];

    /// <summary>One stage per block: the block (stage 0 with the stem) and its classifier.</summary>
    public static StageCost[] Stages(InputSpec input, SmallConfig options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var stages = new StageCost[options.Blocks];
        var image = new ScaleShape(input.Channels, input.Height, input.Width);
        IReadOnlyList<ScaleShape> shapes = StemShapes(image, options.BaseChannels);
        for (var k = 0; k < options.Blocks; k++)
        {
            var (blockFlops, blockParameters, outputs) = Block(shapes, k == 0 ? options.Base : options.Step, options.GrowthRate, options.Bottleneck, k == 0 ? image : null);
            shapes = outputs;
            var coarsest = outputs[^1];
            var first = ConvBn(coarsest.Channels, options.HeadChannels, 2, null, coarsest.Height, coarsest.Width);
            var second = ConvBn(options.HeadChannels, options.HeadChannels, 2, null, first.OutputHeight, first.OutputWidth);
            var headFlops = first.Flops + second.Flops
                + Flops.AdaptiveAvgPool(options.HeadChannels, second.OutputHeight, second.OutputWidth, 1, 1)
                + Flops.Linear(options.HeadChannels, input.Classes);
            var headParameters = first.Parameters + second.Parameters + ParameterCount.Linear(options.HeadChannels, input.Classes);
            stages[k] = new StageCost(blockFlops, headFlops, blockParameters, headParameters);
        }

        return stages;
    }

    /// <summary>The stem's output: the finest scale at full resolution, each coarser one a stride-2 step down.</summary>
    public static ScaleShape[] StemShapes(ScaleShape image, int baseChannels)
    {
        var shapes = new ScaleShape[ScaleFactors.Length];
        var (h, w) = (image.Height, image.Width);
        for (var s = 0; s < shapes.Length; s++)
        {
            if (s > 0)
            {
                (h, w) = (OutputSize(h, 2), OutputSize(w, 2));
            }

            shapes[s] = new ScaleShape(baseChannels * ScaleFactors[s], h, w);
        }

        return shapes;
    }

    /// <summary>An <see cref="MsdBlock"/> of <paramref name="layerCount"/> layers on <paramref name="inputs"/>, with the stem when given the image.</summary>
    public static (long Flops, long Parameters, IReadOnlyList<ScaleShape> Outputs) Block(IReadOnlyList<ScaleShape> inputs, int layerCount, int growth, bool bottleneck, ScaleShape? image)
    {
        long flops = 0, parameters = 0;
        if (image is { } previous)
        {
            for (var s = 0; s < inputs.Count; s++)
            {
                var conv = ConvBn(previous.Channels, inputs[s].Channels, s == 0 ? 1 : 2, null, previous.Height, previous.Width);
                (flops, parameters) = (flops + conv.Flops, parameters + conv.Parameters);
                previous = inputs[s];
            }
        }

        var shapes = inputs;
        for (var i = 0; i < layerCount; i++)
        {
            var layer = Layer(shapes, growth, bottleneck);
            (flops, parameters, shapes) = (flops + layer.Flops, parameters + layer.Parameters, layer.Outputs);
        }

        return (flops, parameters, shapes);
    }

    /// <summary>An <see cref="MsdLayer"/> on <paramref name="shapes"/>; concatenation is free.</summary>
    public static (long Flops, long Parameters, IReadOnlyList<ScaleShape> Outputs) Layer(IReadOnlyList<ScaleShape> shapes, int growth, bool bottleneck)
    {
        long flops = 0, parameters = 0;
        var outputs = new ScaleShape[shapes.Count];
        for (var s = 0; s < shapes.Count; s++)
        {
            var added = growth * ScaleFactors[s];
            var own = Conv(shapes[s], s == 0 ? added : added / 2, 1, BottleneckFactors[s], bottleneck);
            (flops, parameters) = (flops + own.Flops, parameters + own.Parameters);
            if (s > 0)
            {
                var fromFiner = Conv(shapes[s - 1], added / 2, 2, BottleneckFactors[s - 1], bottleneck);
                (flops, parameters) = (flops + fromFiner.Flops, parameters + fromFiner.Parameters);
            }

            outputs[s] = shapes[s] with { Channels = shapes[s].Channels + added };
        }

        return (flops, parameters, outputs);
    }

    /// <summary>The bottleneck width of a layer's convolution: min(in, f·out), or none.</summary>
    public static int? Inner(ScaleShape input, int cout, int bottleneckFactor, bool bottleneck)
        => bottleneck ? Math.Min(input.Channels, bottleneckFactor * cout) : null;

    /// <summary>A <see cref="ConvBn"/> on a cin×h×w input: FLOPs, parameters and output size.</summary>
    public static (long Flops, long Parameters, int OutputHeight, int OutputWidth) ConvBn(int cin, int cout, int stride, int? inner, int h, int w)
    {
        long flops = 0, parameters = 0;
        var c = cin;
        if (inner is { } width)
        {
            long innerElements = (long)width * h * w;
            flops += Flops.Conv2d(cin, width, 1, h, w, bias: false) + Flops.BatchNorm(innerElements) + Flops.Elementwise(innerElements);
            parameters += ParameterCount.Conv2d(cin, width, 1, bias: false) + ParameterCount.Norm(width);
            c = width;
        }

        var (outHeight, outWidth) = (OutputSize(h, stride), OutputSize(w, stride));
        long elements = (long)cout * outHeight * outWidth;
        flops += Flops.Conv2d(c, cout, 3, outHeight, outWidth, bias: false) + Flops.BatchNorm(elements) + Flops.Elementwise(elements);
        parameters += ParameterCount.Conv2d(c, cout, 3, bias: false) + ParameterCount.Norm(cout);
        return (flops, parameters, outHeight, outWidth);
    }

    /// <summary>Output size of a 3×3 convolution with padding 1: ⌊(n − 1)/stride⌋ + 1.</summary>
    public static int OutputSize(int size, int stride) => ((size - 1) / stride) + 1;

    private static (long Flops, long Parameters, int OutputHeight, int OutputWidth) Conv(ScaleShape input, int cout, int stride, int bottleneckFactor, bool bottleneck)
        => ConvBn(input.Channels, cout, stride, Inner(input, cout, bottleneckFactor, bottleneck), input.Height, input.Width);
}
