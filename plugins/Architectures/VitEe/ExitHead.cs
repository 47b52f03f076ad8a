using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>
/// An intermediate exit: LayerNorm (ε 1e-6) of the class token, then a linear classifier; keys <c>norm.*</c> and
/// <c>head.*</c>, the same names and computation as timm's final <c>norm</c> and <c>head</c> with class-token pooling.
/// </summary>
internal sealed class ExitHead : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear head;

    /// <summary>Creates the head.</summary>
    public ExitHead(int width, int classes)
        : base(nameof(ExitHead))
    {
        norm = nn.LayerNorm(width, eps: 1e-6);
        head = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <summary>Logits from the tokens [batch, tokens, width]; token 0 is the class token.</summary>
    public override Tensor forward(Tensor input) => Classify(norm, head, input);

    /// <summary>
    /// timm's <c>forward_head</c> with class-token pooling: the LayerNorm is per token, so normalising only token 0 gives
    /// what normalising every token and then taking token 0 gives, for one token's cost.
    /// </summary>
    public static Tensor Classify(LayerNorm norm, Linear head, Tensor tokens) => head.call(norm.call(tokens.select(1, 0)));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
