using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// What eebench relies on from an architecture's <see cref="IEarlyExitArchitecture.Describe(InputSpec)"/>, which validate, plan
/// and evaluate call without libtorch: at least one exit, every count non-negative, some backbone work before the first
/// exit, and the same answer twice. It calls <c>Describe</c> only, so an architecture must override it (the default builds
/// the network, which needs libtorch). That the description matches a counted forward pass is checked inside eebench,
/// where libtorch is loaded (<c>FlopCounter</c>); a plugin's own tests run without libtorch.
/// </summary>
public static class ArchitectureContract
{
    /// <summary>Checks the architecture <paramref name="plugin"/> registers as <paramref name="alias"/>, with default options.</summary>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The architecture's alias.</param>
    /// <param name="input">The input it is described for, e.g. Fashion-MNIST's <c>new InputSpec(1, 28, 28, 10)</c>.</param>
    /// <exception cref="ContractViolation">A promise is broken; the message says which, where and what was seen.</exception>
    public static void Check(IEarlyExitPlugin plugin, string alias, InputSpec input)
    {
        var registration = PluginRecorder.Find<IEarlyExitArchitecture>(plugin, alias);
        Check(registration.Info, () => registration.Create<IEarlyExitArchitecture>(), input);
    }

    /// <summary>Checks an architecture made by <paramref name="create"/>.</summary>
    /// <param name="info">Its registration.</param>
    /// <param name="create">A new instance.</param>
    /// <param name="input">The input it is described for.</param>
    /// <exception cref="ContractViolation">A promise is broken.</exception>
    public static void Check(PluginInfo info, Func<IEarlyExitArchitecture> create, InputSpec input)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(input);
        var who = $"architecture '{info.Alias}'";
        var stages = Promise.Call(who, "describe", () => create().Describe(input));
        if (stages is null || stages.Count == 0)
        {
            throw new ContractViolation($"{who}: describe returned no exits for {input}");
        }

        for (var k = 0; k < stages.Count; k++)
        {
            var s = stages[k];
            if (s is null || s.BackboneFlops < 0 || s.HeadFlops <= 0 || s.BackboneParameters < 0 || s.HeadParameters <= 0)
            {
                throw new ContractViolation($"{who}: describe gives exit {k + 1} {s?.ToString() ?? "null"}; every count must be non-negative, and each exit's head must do some work and hold some parameters");
            }
        }

        if (stages[0].BackboneFlops == 0)
        {
            throw new ContractViolation($"{who}: describe gives no backbone FLOPs before the first exit");
        }

        var again = Promise.Call(who, "describe", () => create().Describe(input));
        if (!stages.SequenceEqual(again))
        {
            throw new ContractViolation($"{who}: describe gives different costs on a second call");
        }
    }
}
