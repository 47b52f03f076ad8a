using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>Registers <c>msdnet</c>.</summary>
public sealed class MsdNetPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IEarlyExitArchitecture, MsdNetOptions>(
            "msdnet",
            "MSDNet (Huang et al. 2018), CIFAR-style: 3 scales of dense layers, a conv classifier on the coarsest scale after each block",
            (options, _) => new MsdNetArchitecture(options));
    }
}
