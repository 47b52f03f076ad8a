using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>Registers <c>branchy-lenet</c>.</summary>
public sealed class BranchyLeNetPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IEarlyExitArchitecture, BranchyLeNetOptions>(
            new PluginInfo("branchy-lenet", "BranchyNet-style CNN: conv3x3-ReLU-maxpool blocks, an avg-pool+linear exit after each") { Citation = "Teerapittayanon, McDanel & Kung 2016, BranchyNet: Fast Inference via Early Exiting from Deep Neural Networks, ICPR; https://arxiv.org/abs/1709.01686" },
            (options, _) => new BranchyLeNetArchitecture(options));
    }
}
