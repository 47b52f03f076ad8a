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
            new PluginInfo("msdnet", "MSDNet (Huang et al. 2018), CIFAR-style: 3 scales of dense layers, a conv classifier on the coarsest scale after each block") { Citation = "Huang, Chen, Li, Wu, van der Maaten & Weinberger 2018, Multi-Scale Dense Networks for Resource Efficient Image Classification, ICLR; https://arxiv.org/abs/1703.09844" },
            (options, _) => new MsdNetArchitecture(options));
    }
}
