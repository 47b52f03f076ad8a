using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// One multi-scale dense layer (the paper's <c>MSDNLayer</c> with every scale kept). At the finest scale it appends
/// g new channels from a conv on that scale; at scale s &gt; 0 it appends g·f_s/2 channels from a stride-2 conv on the
/// finer scale s−1 and g·f_s/2 from a conv on scale s (f = 1, 2, 4). Keys: <c>normal.s.net.*</c>, <c>down.(s−1).net.*</c>.
/// </summary>
internal sealed class MsdLayer : nn.Module<Tensor[], Tensor[]>
{
    private readonly ModuleList<ConvBn> normal;
    private readonly ModuleList<ConvBn> down;

    /// <summary>Creates the layer for inputs of <paramref name="shapes"/>, adding <paramref name="growth"/>·f_s channels per scale.</summary>
    public MsdLayer(IReadOnlyList<ScaleShape> shapes, int growth, bool bottleneck)
        : base(nameof(MsdLayer))
    {
        normal = new ModuleList<ConvBn>();
        down = new ModuleList<ConvBn>();
        var outputs = new ScaleShape[shapes.Count];
        for (var s = 0; s < shapes.Count; s++)
        {
            var added = growth * MsdNetCost.ScaleFactors[s];
            var own = s == 0 ? added : added / 2;
            var conv = Conv(shapes[s], own, 1, MsdNetCost.BottleneckFactors[s], bottleneck);
            normal.Add(conv);
            if (s > 0)
            {
                var fromFiner = Conv(shapes[s - 1], added / 2, 2, MsdNetCost.BottleneckFactors[s - 1], bottleneck);
                down.Add(fromFiner);
            }

            outputs[s] = shapes[s] with { Channels = shapes[s].Channels + added };
        }

        Outputs = outputs;
        RegisterComponents();
    }

    /// <summary>Shapes of the outputs, finest scale first.</summary>
    public IReadOnlyList<ScaleShape> Outputs { get; }

    /// <inheritdoc />
    public override Tensor[] forward(Tensor[] input)
    {
        var result = new Tensor[input.Length];
        result[0] = cat([input[0], normal[0].call(input[0])], 1);
        for (var s = 1; s < input.Length; s++)
        {
            result[s] = cat([input[s], down[s - 1].call(input[s - 1]), normal[s].call(input[s])], 1);
        }

        return result;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            normal.Dispose();
            down.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ConvBn Conv(ScaleShape input, int cout, int stride, int bottleneckFactor, bool bottleneck)
        => new(input.Channels, cout, stride, MsdNetCost.Inner(input, cout, bottleneckFactor, bottleneck), input.Height, input.Width);
}
