using EarlyExitBench.Contracts;

namespace TestPlugin.Hostile;

/// <summary>Methods that misbehave at the boundary: calls that never return, and calls that write into what they are given.</summary>
public sealed class HostilePlugin : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        registrar.Add<ICalibrator>("hangs", "Fit never returns and ignores its cancellation token", _ => new HangingCalibrator());
        registrar.Add<IFailurePredictor>("hangs-until-cancelled", "Fit waits until its cancellation token fires", _ => new HangsUntilCancelled());
        registrar.Add<IFailurePredictor>("writes-inputs", "msp, after trying to overwrite every input it can reach", _ => new InputWriter());
        registrar.Add<IExitPolicy>("writes-inputs", "every sample at exit 0, after trying to overwrite every input it can reach", _ => new PolicyInputWriter());
    }
}
