namespace EarlyExitBench.Harness.Cli;

/// <summary>Process exit codes of <c>eebench</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The run finished, but some plugin calls failed (listed in the leaderboard's <c>failures</c>); for <c>compare</c>,
    /// something moved beyond its intervals.
    /// </summary>
    public const int PartialFailure = 1;

    /// <summary>Bad input: suite, plugin alias, options, dataset or bundle file.</summary>
    public const int BadInput = 2;

    /// <summary>The machine cannot do what was asked (libtorch does not load, no CUDA, the output folder cannot be written or the disk is full).</summary>
    public const int Environment = 3;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
