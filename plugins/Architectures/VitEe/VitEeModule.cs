using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>
/// Early-exit vision transformer laid out as timm's <c>VisionTransformer</c> (class token, position embedding that
/// covers it, pre-norm blocks, LayerNorm ε 1e-6, exact GELU, qkv bias, class-token pooling), with intermediate exits.
/// State_dict keys are timm's: <c>patch_embed.proj.*</c>, <c>cls_token</c>, <c>pos_embed</c>,
/// <c>blocks.i.{norm1,attn.qkv,attn.proj,norm2,mlp.fc1,mlp.fc2}.*</c>, <c>norm.*</c>, <c>head.*</c>; the final
/// <c>norm</c> + <c>head</c> are the last exit, and an intermediate exit after <c>blocks.i</c> is <c>exits.i.norm.*</c>
/// + <c>exits.i.head.*</c> (LayerNorm of the class token, then a linear layer). A timm checkpoint with those exit keys
/// added loads as is; with <c>exit_blocks: []</c> a plain timm checkpoint does.
/// </summary>
public sealed class VitEeModule : MultiExitModule
{
    private readonly PatchEmbedding patch_embed;
    private readonly Parameter cls_token;
    private readonly Parameter pos_embed;
    private readonly AddLayer pos_add;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly ModuleDict<ExitHead> exits;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly StageCost[] _stages;
    private readonly int[] _exitBlocks;

    /// <summary>Creates the network for <paramref name="input"/>.</summary>
    public VitEeModule(InputSpec input, VitEeOptions options)
        : base(nameof(VitEeModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        _stages = VitEeCost.Stages(input, options);
        _exitBlocks = [.. VitEeCost.ExitBlocks(options)];
        var width = options.Width;
        patch_embed = new PatchEmbedding(input.Channels, input.Height, input.Width, options.PatchSize, width);
        var tokens = (patch_embed.GridHeight * patch_embed.GridWidth) + 1;
        cls_token = nn.Parameter(randn(1, 1, width).mul_(0.02));
        pos_embed = nn.Parameter(randn(1, tokens, width).mul_(0.02));
        pos_add = new AddLayer();

        blocks = new ModuleList<TransformerBlock>();
        for (var k = 0; k < options.Depth; k++)
        {
            blocks.Add(new TransformerBlock(width, options.Heads, options.MlpRatio * width, tokens));
        }

        exits = new ModuleDict<ExitHead>();
        foreach (var block in _exitBlocks[..^1])
        {
            exits.Add(block.ToString(System.Globalization.CultureInfo.InvariantCulture), new ExitHead(width, input.Classes));
        }

        norm = nn.LayerNorm(width, eps: 1e-6);
        head = nn.Linear(width, input.Classes);
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

        for (var b = stage == 0 ? 0 : _exitBlocks[stage - 1] + 1; b <= _exitBlocks[stage]; b++)
        {
            features = blocks[b].call(features);
        }

        return features;
    }

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => stage == _exitBlocks.Length - 1
        ? ExitHead.Classify(norm, head, features)
        : exits[_exitBlocks[stage].ToString(System.Globalization.CultureInfo.InvariantCulture)].call(features);

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
            exits.Dispose();
            norm.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
