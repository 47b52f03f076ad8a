using EarlyExitBench.Contracts;
using TestPlugin.MissingDependency.Lib;

namespace TestPlugin.MissingDependency;

public sealed class Derived : BaseThing
{
}

public sealed class MissingDependencyPlugin : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar) =>
        registrar.Add<ICalibrator>("needs-lib", "needs a library that is not shipped", _ => throw new NotSupportedException(new Derived().ToString()));
}
