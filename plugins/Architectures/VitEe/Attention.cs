using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>
/// Multi-head self-attention as in timm's ViT: one <c>qkv</c> linear, q scaled by 1/√d, softmax(q·kᵀ)·v, then the
/// <c>proj</c> linear. State_dict keys <c>qkv.weight</c>, <c>qkv.bias</c>, <c>proj.weight</c>, <c>proj.bias</c>.
/// </summary>
internal sealed class Attention : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly ScaleLayer scale;
    private readonly MatMulLayer scores;
    private readonly Softmax softmax;
    private readonly MatMulLayer mix;
    private readonly Linear proj;
    private readonly int _heads;

    /// <summary>Creates the layer for <paramref name="tokens"/> tokens of <paramref name="width"/> features.</summary>
    public Attention(int width, int heads, int tokens)
        : base(nameof(Attention))
    {
        _heads = heads;
        var headWidth = width / heads;
        qkv = nn.Linear(width, 3 * width);
        scale = new ScaleLayer(1.0 / Math.Sqrt(headWidth));
        scores = new MatMulLayer();
        softmax = nn.Softmax(-1);
        mix = new MatMulLayer();
        proj = nn.Linear(width, width);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var (b, n, c) = (input.shape[0], input.shape[1], input.shape[2]);
        var parts = qkv.call(input).reshape(b, n, 3, _heads, c / _heads).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (parts[0], parts[1], parts[2]);
        var weights = softmax.call(scores.call(scale.call(q), k.transpose(-2, -1)));
        var mixed = mix.call(weights, v).transpose(1, 2).reshape(b, n, c);
        return proj.call(mixed);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            qkv.Dispose();
            scale.Dispose();
            scores.Dispose();
            softmax.Dispose();
            mix.Dispose();
            proj.Dispose();
        }

        base.Dispose(disposing);
    }
}
