using EarlyExitBench.Contracts;

namespace TestPlugin.DuplicateAliasA;

/// <summary>Registers calibrator 'dup', as does DuplicateAliasB.</summary>
public sealed class DuplicateA : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar) =>
        registrar.Add<ICalibrator>("dup", "duplicate alias fixture A", _ => throw new NotSupportedException());
}
