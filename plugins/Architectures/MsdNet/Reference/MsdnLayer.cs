using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's <c>MSDNLayer</c>: reads the <c>InScales</c> coarsest scales and writes the <c>OutScales</c> coarsest
/// (one fewer where scale pruning drops the finest). Its first entry is a <see cref="ConvNormal"/> on the finest scale
/// written, or a <see cref="ConvDownNormal"/> when a scale is dropped; every other entry a <see cref="ConvDownNormal"/>.
/// Keys <c>layers.i.conv_normal.net.*</c>, <c>layers.i.conv_down.net.*</c>.
/// </summary>
internal sealed class MsdnLayer : nn.Module<Tensor[], Tensor[]>
{
    private readonly ModuleList<nn.Module<Tensor[], Tensor>> layers;
    private readonly bool _discard;

    /// <summary>Creates the layer from its plan entry.</summary>
    public MsdnLayer(ReferenceLayer layer, ReferenceConfig config)
        : base(nameof(MsdnLayer))
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(config);
        var (gr, bn, nIn, nOut) = (config.GrFactor, config.BnFactor, layer.In, layer.Out);
        var offset = config.Scales - layer.OutScales;
        _discard = layer.InScales > layer.OutScales;
        layers = new ModuleList<nn.Module<Tensor[], Tensor>>();
        layers.Add(_discard
            ? new ConvDownNormal(nIn * gr[offset - 1], nIn * gr[offset], nOut * gr[offset], config.Bottleneck, bn[offset - 1], bn[offset])
            : new ConvNormal(nIn * gr[offset], nOut * gr[offset], config.Bottleneck, bn[offset]));
        for (var i = offset + 1; i < config.Scales; i++)
        {
            layers.Add(new ConvDownNormal(nIn * gr[i - 1], nIn * gr[i], nOut * gr[i], config.Bottleneck, bn[i - 1], bn[i]));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor[] forward(Tensor[] input)
    {
        var result = new Tensor[layers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            // Output i reads [input i, input i+1] when a scale is dropped, else [input 0] then [input i−1, input i].
            result[i] = _discard ? layers[i].call([input[i], input[i + 1]])
                : i == 0 ? layers[0].call([input[0]]) : layers[i].call([input[i - 1], input[i]]);
        }

        return result;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
