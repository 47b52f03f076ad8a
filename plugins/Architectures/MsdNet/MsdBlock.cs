using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// The layers between two exits. The first block also runs the stem (the paper's <c>MSDNFirstLayer</c>, CIFAR
/// version): conv3×3 to the finest scale, then a stride-2 conv3×3 to each coarser one. Takes and returns the
/// scales packed (see <see cref="ScalePacking"/>); block 0 takes the image.
/// </summary>
internal sealed class MsdBlock : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvBn>? stem;
    private readonly ModuleList<MsdLayer> layers;
    private readonly IReadOnlyList<ScaleShape> _inputs;

    /// <summary>Creates a block with a stem for an image of <paramref name="image"/> channels, height and width.</summary>
    public MsdBlock(ScaleShape image, int baseChannels, int layerCount, int growth, bool bottleneck)
        : this(MsdNetCost.StemShapes(image, baseChannels), layerCount, growth, bottleneck, image)
    {
    }

    /// <summary>Creates a block of <paramref name="layerCount"/> dense layers on scales of <paramref name="inputs"/>.</summary>
    public MsdBlock(IReadOnlyList<ScaleShape> inputs, int layerCount, int growth, bool bottleneck)
        : this(inputs, layerCount, growth, bottleneck, null)
    {
    }

    private MsdBlock(IReadOnlyList<ScaleShape> inputs, int layerCount, int growth, bool bottleneck, ScaleShape? image)
        : base(nameof(MsdBlock))
    {
        _inputs = inputs;
        if (image is { } picture)
        {
            stem = new ModuleList<ConvBn>();
            var previous = picture;
            for (var s = 0; s < inputs.Count; s++)
            {
                var conv = new ConvBn(previous.Channels, inputs[s].Channels, s == 0 ? 1 : 2, null, previous.Height, previous.Width);
                stem.Add(conv);
                previous = inputs[s];
            }
        }

        layers = new ModuleList<MsdLayer>();
        var shapes = inputs;
        for (var i = 0; i < layerCount; i++)
        {
            var layer = new MsdLayer(shapes, growth, bottleneck);
            layers.Add(layer);
            shapes = layer.Outputs;
        }

        Outputs = shapes;
        RegisterComponents();
    }

    /// <summary>Shapes of the block's output scales.</summary>
    public IReadOnlyList<ScaleShape> Outputs { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Tensor[] scales;
        if (stem is null)
        {
            scales = ScalePacking.UnpackAll(input, _inputs);
        }
        else
        {
            scales = new Tensor[stem.Count];
            var previous = input;
            for (var s = 0; s < stem.Count; s++)
            {
                scales[s] = stem[s].call(previous);
                previous = scales[s];
            }
        }

        foreach (var layer in layers)
        {
            scales = layer.call(scales);
        }

        return ScalePacking.Pack(scales);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stem?.Dispose();
            layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
