using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>Registers <c>vit-ee</c>.</summary>
public sealed class VitEePlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IEarlyExitArchitecture, VitEeOptions>(
            new PluginInfo("vit-ee", "Early-exit ViT: patch embedding, pre-norm transformer blocks, a LayerNorm+linear exit on the class token after each") { Citation = "Dosovitskiy et al. 2021, An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale, ICLR (backbone); exits per block as in Bakhtiarnia, Zhang & Iosifidis 2021, Multi-Exit Vision Transformer for Dynamic Inference, BMVC" },
            (options, _) => new VitEeArchitecture(options));
    }
}
