using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>
/// Early-exit vision transformer: patch embedding, a learned class token and position embedding, pre-norm
/// transformer blocks, and after every block an exit (LayerNorm → linear on the class token). Stage 0 also embeds
/// the image. State_dict keys follow timm's ViT: <c>patch_embed.proj.weight</c>, <c>cls_token</c>, <c>pos_embed</c>,
/// <c>blocks.i.norm1.weight</c>, <c>blocks.i.attn.qkv.weight</c>, <c>blocks.i.mlp.fc1.weight</c>; exits
/// <c>heads.i.norm.weight</c>, <c>heads.i.fc.weight</c>.
/// </summary>
public sealed class VitEeModule : MultiExitModule
{
    private readonly PatchEmbedding patch_embed;
    private readonly Parameter cls_token;
    private readonly Parameter pos_embed;
    private readonly AddLayer pos_add;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly ModuleList<ExitHead> heads;
    private readonly StageCost[] _stages;

    /// <summary>Creates the network for <paramref name="input"/>.</summary>
    public VitEeModule(InputSpec input, VitEeOptions options)
        : base(nameof(VitEeModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        _stages = VitEeCost.Stages(input, options);
        var width = options.Width;
        patch_embed = new PatchEmbedding(input.Channels, input.Height, input.Width, options.PatchSize, width);
        var tokens = (patch_embed.GridHeight * patch_embed.GridWidth) + 1;
        cls_token = nn.Parameter(randn(1, 1, width).mul_(0.02));
        pos_embed = nn.Parameter(randn(1, tokens, width).mul_(0.02));
        pos_add = new AddLayer();

        blocks = new ModuleList<TransformerBlock>();
        heads = new ModuleList<ExitHead>();
        for (var k = 0; k < options.Depth; k++)
        {
            var block = new TransformerBlock(width, options.Heads, options.MlpRatio * width, tokens);
            var head = new ExitHead(width, input.Classes);
            blocks.Add(block);
            heads.Add(head);
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (stage == 0)
        {
            var patches = patch_embed.call(features);
            var cls = cls_token.expand(patches.shape[0], -1, -1);
            features = pos_add.call(cat([cls, patches], 1), pos_embed);
        }

        return blocks[stage].call(features);
    }

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => heads[stage].call(features);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            patch_embed.Dispose();
            cls_token.Dispose();
            pos_embed.Dispose();
            pos_add.Dispose();
            blocks.Dispose();
            heads.Dispose();
        }

        base.Dispose(disposing);
    }
}
