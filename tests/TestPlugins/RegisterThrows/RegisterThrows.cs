using EarlyExitBench.Contracts;

namespace TestPlugin.RegisterThrows;

/// <summary>A plugin whose entry point throws; the host must report it and load the others.</summary>
public sealed class RegisterThrows : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar) => throw new InvalidOperationException("fixture: registration is broken on purpose");
}
