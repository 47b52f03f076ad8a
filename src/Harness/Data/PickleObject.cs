namespace EarlyExitBench.Harness.Data;

/// <summary>An object a pickle builds by calling a global (<c>REDUCE</c>), with the state <c>BUILD</c> gave it.</summary>
/// <param name="Callable">The global's <c>module.name</c>, e.g. <c>numpy.core.multiarray._reconstruct</c>.</param>
/// <param name="Arguments">The arguments it was called with.</param>
internal sealed record PickleObject(string Callable, object?[] Arguments)
{
    /// <summary>The state set by <c>BUILD</c> (for a numpy array: version, shape, dtype, Fortran order, raw bytes).</summary>
    public object? State { get; set; }
}
