using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's <c>MSDNFirstLayer</c>: the image to the finest scale (CIFAR: <c>ConvBasic</c> 3×3; ImageNet: conv7×7
/// stride 2 with bias → BN → ReLU → max pool 3×3 stride 2, keys <c>layers.0.0.*</c>, <c>layers.0.1.*</c>), then a stride-2
/// <c>ConvBasic</c> to each coarser scale (<c>layers.s.net.*</c>). Takes [image], returns every scale, finest first.
/// </summary>
internal sealed class MsdnFirstLayer : nn.Module<Tensor[], Tensor[]>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;

    /// <summary>Creates the stem.</summary>
    public MsdnFirstLayer(int imageChannels, int channels, ReferenceConfig config)
        : base(nameof(MsdnFirstLayer))
    {
        ArgumentNullException.ThrowIfNull(config);
        var gr = config.GrFactor;
        layers = new ModuleList<nn.Module<Tensor, Tensor>>();
        layers.Add(config.ImageNet
            ? nn.Sequential(nn.Conv2d(imageChannels, channels * gr[0], 7, stride: 2, padding: 3), nn.BatchNorm2d(channels * gr[0]), nn.ReLU(inplace: true), nn.MaxPool2d(3, stride: 2, padding: 1))
            : new ConvBasic(imageChannels, channels * gr[0], 3, 1, 1));
        for (var s = 1; s < config.Scales; s++)
        {
            layers.Add(new ConvBasic(channels * gr[s - 1], channels * gr[s], 3, 2, 1));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor[] forward(Tensor[] input)
    {
        var result = new Tensor[layers.Count];
        var x = input[0];
        for (var s = 0; s < result.Length; s++)
        {
            x = layers[s].call(x);
            result[s] = x;
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
