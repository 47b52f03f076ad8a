using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>Registers <c>resnet-sdn</c>.</summary>
public sealed class ResNetSdnPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IEarlyExitArchitecture, ResNetSdnOptions>(
            "resnet-sdn",
            "SDN-style ResNet (Kaya et al. 2019): basic residual blocks, an avg-pool+linear exit after each",
            (options, _) => new ResNetSdnArchitecture(options));
    }
}
