using EarlyExitBench.Contracts;

namespace TestPlugin.ContractsNextMajor;

/// <summary>Would register calibrator 'next-major'; the host must refuse the assembly before this runs.</summary>
public sealed class NextMajorPlugin : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar) =>
        registrar.Add<ICalibrator>("next-major", "built against Contracts 2.0.0", _ => throw new NotSupportedException());
}
