using EarlyExitBench.Contracts;

namespace TestPlugin.HostileSandbox;

/// <summary>
/// Calibrators that attack the machine verifying them, one way each: what the sandbox of <c>eebench verify</c> must stop.
/// Each behaves as the identity calibrator except when it runs from a submission (see <see cref="Misbehaving"/>), so a
/// contributor's run of it finishes and can be submitted.
/// </summary>
public sealed class HostileSandboxPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        Add(registrar, "opens-socket", "connects to 127.0.0.1:port (option port) and sends a line", Attacks.OpenSocket);
        Add(registrar, "writes-outside", "writes a file at option target and beside its own assembly", Attacks.WriteOutside);
        Add(registrar, "reads-secret", "reads the file at option target (an ssh key) and puts it in its error message", Attacks.ReadSecret);
        Add(registrar, "forks-forever", "starts /bin/sleep processes until something stops it", Attacks.ForkForever);
        Add(registrar, "allocates-forever", "allocates and touches 16 MB arrays, keeping them, until something stops it", Attacks.AllocateForever);
        Add(registrar, "spins-forever", "never returns: a busy loop that ignores its cancellation token", Attacks.SpinForever);
    }

    private static void Add(IPluginRegistrar registrar, string alias, string description, Action<HostileOptions> attack) =>
        registrar.Add<ICalibrator, HostileOptions>(new PluginInfo(alias, description), (options, _) => new Misbehaving(options, attack));
}
