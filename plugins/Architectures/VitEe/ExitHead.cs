using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>An exit: LayerNorm of the class token, then a linear classifier (keys <c>norm.*</c>, <c>fc.*</c>).</summary>
internal sealed class ExitHead : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear fc;

    /// <summary>Creates the head.</summary>
    public ExitHead(int width, int classes)
        : base(nameof(ExitHead))
    {
        norm = nn.LayerNorm(width, eps: 1e-6);
        fc = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <summary>Logits from the tokens [batch, tokens, width]; token 0 is the class token.</summary>
    public override Tensor forward(Tensor input) => fc.call(norm.call(input.select(1, 0)));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm.Dispose();
            fc.Dispose();
        }

        base.Dispose(disposing);
    }
}
