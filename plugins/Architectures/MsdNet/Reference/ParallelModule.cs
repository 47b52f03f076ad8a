using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>The reference's transition (<c>ParallelModule</c>): a 1×1 <see cref="ConvBasic"/> per kept scale; keys <c>m.i.net.*</c>.</summary>
internal sealed class ParallelModule : nn.Module<Tensor[], Tensor[]>
{
    private readonly ModuleList<ConvBasic> m;

    /// <summary>Creates the transition from its plan entry.</summary>
    public ParallelModule(ReferenceLayer layer, ReferenceConfig config)
        : base(nameof(ParallelModule))
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(config);
        m = new ModuleList<ConvBasic>();
        var offset = config.Scales - layer.OutScales;
        for (var i = 0; i < layer.OutScales; i++)
        {
            m.Add(new ConvBasic(layer.In * config.GrFactor[offset + i], layer.Out * config.GrFactor[offset + i], 1, 1, 0));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor[] forward(Tensor[] input) => input.Select((x, i) => m[i].call(x)).ToArray();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            m.Dispose();
        }

        base.Dispose(disposing);
    }
}
