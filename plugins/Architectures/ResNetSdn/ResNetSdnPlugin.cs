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
            new PluginInfo("resnet-sdn", "SDN-style ResNet (Kaya et al. 2019): basic residual blocks, an avg-pool+linear exit after each") { Citation = "Kaya, Hong & Dumitras 2019, Shallow-Deep Networks: Understanding and Mitigating Network Overthinking, ICML; https://arxiv.org/abs/1810.07052" },
            (options, _) => new ResNetSdnArchitecture(options));
    }
}
