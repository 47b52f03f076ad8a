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
            "vit-ee",
            "Early-exit ViT: patch embedding, pre-norm transformer blocks, a LayerNorm+linear exit on the class token after each",
            (options, _) => new VitEeArchitecture(options));
    }
}
