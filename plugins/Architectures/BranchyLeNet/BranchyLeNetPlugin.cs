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
            "branchy-lenet",
            "BranchyNet-style CNN: conv3x3-ReLU-maxpool blocks, an avg-pool+linear exit after each",
            (options, _) => new BranchyLeNetArchitecture(options));
    }
}
