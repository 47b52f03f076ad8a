using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>Cuts the image into p×p patches and embeds each with one strided conv (timm's <c>patch_embed.proj</c>).</summary>
internal sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d proj;

    /// <summary>Creates the embedding for a channels×height×width image.</summary>
    public PatchEmbedding(int channels, int height, int width, int patch, int embedding)
        : base(nameof(PatchEmbedding))
    {
        proj = nn.Conv2d(channels, embedding, kernel_size: patch, stride: patch);
        (GridHeight, GridWidth) = (height / patch, width / patch);
        RegisterComponents();
    }

    /// <summary>Patches per column.</summary>
    public int GridHeight { get; }

    /// <summary>Patches per row.</summary>
    public int GridWidth { get; }

    /// <summary>[batch, C, H, W] → [batch, patches, embedding], patches in row-major order.</summary>
    public override Tensor forward(Tensor input) => proj.call(input).flatten(2).transpose(1, 2);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            proj.Dispose();
        }

        base.Dispose(disposing);
    }
}
