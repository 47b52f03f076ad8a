using EarlyExitBench.Contracts;

namespace TestPlugin.DuplicateAliasB;

/// <summary>Registers calibrator 'dup', as does DuplicateAliasA.</summary>
public sealed class DuplicateB : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar) =>
        registrar.Add<ICalibrator>("dup", "duplicate alias fixture B", _ => throw new NotSupportedException());
}
