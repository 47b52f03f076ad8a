using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>The transformer MLP: <c>fc1</c> → GELU → <c>fc2</c> (timm's key names).</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly GELU act;
    private readonly Linear fc2;

    /// <summary>Creates the MLP for <paramref name="tokens"/> tokens of <paramref name="width"/> features.</summary>
    public Mlp(int width, int hidden, int tokens)
        : base(nameof(Mlp))
    {
        fc1 = nn.Linear(width, hidden);
        act = nn.GELU();
        fc2 = nn.Linear(hidden, width);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => fc2.call(act.call(fc1.call(input)));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fc1.Dispose();
            act.Dispose();
            fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
