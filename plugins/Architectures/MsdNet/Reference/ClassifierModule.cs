using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's <c>ClassifierModule</c> on the coarsest scale: two stride-2 <see cref="ConvBasic"/>s (128 channels on
/// CIFAR, as many as the input on ImageNet) and a 2×2 average pool (<c>m.0</c>, <c>m.1</c>, <c>m.2</c>), flattened into
/// <c>linear</c>.
/// </summary>
internal sealed class ClassifierModule : nn.Module<Tensor, Tensor>
{
    private readonly Sequential m;
    private readonly Linear linear;

    /// <summary>Creates the classifier for <paramref name="cin"/> input channels.</summary>
    public ClassifierModule(int cin, int classes, bool imageNet)
        : base(nameof(ClassifierModule))
    {
        var width = ReferenceCost.HeadWidth(cin, imageNet);
        m = nn.Sequential(new ConvBasic(cin, width, 3, 2, 1), new ConvBasic(width, width, 3, 2, 1), nn.AvgPool2d(2));
        linear = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var features = m.call(input);
        return linear.call(features.view(features.shape[0], -1));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            m.Dispose();
            linear.Dispose();
        }

        base.Dispose(disposing);
    }
}
