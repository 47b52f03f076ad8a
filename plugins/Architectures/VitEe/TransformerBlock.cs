using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>Pre-norm transformer block: x + attn(norm1(x)), then x + mlp(norm2(x)). Keys as timm's ViT blocks.</summary>
internal sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Attention attn;
    private readonly LayerNorm norm2;
    private readonly Mlp mlp;
    private readonly AddLayer residual;

    /// <summary>Creates the block for <paramref name="tokens"/> tokens.</summary>
    public TransformerBlock(int width, int heads, int mlpHidden, int tokens)
        : base(nameof(TransformerBlock))
    {
        norm1 = nn.LayerNorm(width, eps: 1e-6);
        attn = new Attention(width, heads, tokens);
        norm2 = nn.LayerNorm(width, eps: 1e-6);
        mlp = new Mlp(width, mlpHidden, tokens);
        residual = new AddLayer();
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var x = residual.call(input, attn.call(norm1.call(input)));
        return residual.call(x, mlp.call(norm2.call(x)));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm1.Dispose();
            attn.Dispose();
            norm2.Dispose();
            mlp.Dispose();
            residual.Dispose();
        }

        base.Dispose(disposing);
    }
}
