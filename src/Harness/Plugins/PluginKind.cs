using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>The plugin kinds and the contract interface behind each.</summary>
public enum PluginKind
{
    /// <summary><see cref="IDatasetSource"/>.</summary>
    Dataset,

    /// <summary><see cref="IEarlyExitArchitecture"/>.</summary>
    Architecture,

    /// <summary><see cref="ICalibrator"/>.</summary>
    Calibrator,

    /// <summary><see cref="IFailurePredictor"/>.</summary>
    FailurePredictor,

    /// <summary><see cref="IExitPolicy"/>.</summary>
    ExitPolicy,

    /// <summary><see cref="IExitMetric"/>.</summary>
    Metric,
}

/// <summary>Maps kinds to contract types and suite words.</summary>
public static class PluginKinds
{
    /// <summary>Every kind, in display order.</summary>
    public static IReadOnlyList<PluginKind> All { get; } = Enum.GetValues<PluginKind>();

    /// <summary>The contract interface of a kind.</summary>
    public static Type ContractOf(PluginKind kind) => kind switch
    {
        PluginKind.Dataset => typeof(IDatasetSource),
        PluginKind.Architecture => typeof(IEarlyExitArchitecture),
        PluginKind.Calibrator => typeof(ICalibrator),
        PluginKind.FailurePredictor => typeof(IFailurePredictor),
        PluginKind.ExitPolicy => typeof(IExitPolicy),
        PluginKind.Metric => typeof(IExitMetric),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind whose contract is <paramref name="contract"/>, if any.</summary>
    public static PluginKind? FromContract(Type contract) =>
        All.Cast<PluginKind?>().FirstOrDefault(k => ContractOf(k!.Value) == contract);

    /// <summary>Words used in messages and <c>eebench plugins</c>.</summary>
    public static string Describe(PluginKind kind) => kind switch
    {
        PluginKind.Dataset => "dataset",
        PluginKind.Architecture => "architecture",
        PluginKind.Calibrator => "calibrator",
        PluginKind.FailurePredictor => "failure predictor",
        PluginKind.ExitPolicy => "exit policy",
        PluginKind.Metric => "metric",
        _ => kind.ToString(),
    };
}
