using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>Registers <c>torchscript</c>.</summary>
public sealed class TorchScriptPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IEarlyExitArchitecture, TorchScriptOptions>(
            new PluginInfo("torchscript", "Any PyTorch early-exit model exported to TorchScript by tools/export_torchscript.py: stage(i, x) and head(i, h) methods, costs in the archive") { Citation = "https://pytorch.org/docs/stable/jit.html" },
            (options, _) => new TorchScriptArchitecture(options));
    }
}
