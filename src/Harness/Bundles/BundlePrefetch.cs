namespace EarlyExitBench.Harness.Bundles;

/// <summary>
/// A bundle read started before the cell that needs it: <c>evaluate</c> knows its one bundle at once, so the logits are
/// read while the plugins load and the plan is made, on the core those leave idle. The cell takes the result (or the
/// read's own error, as <see cref="BundleFile.Read"/> would have thrown it); disposing stops a read nobody took.
/// </summary>
public sealed class BundlePrefetch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<LogitsBundle>? _read;

    private BundlePrefetch(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _read = Task.Run(() => BundleFile.Read(Path, _stop.Token));
    }

    /// <summary>The bundle's full path.</summary>
    public string Path { get; }

    /// <summary>Starts reading <paramref name="path"/> on the thread pool.</summary>
    /// <param name="path">The .npz bundle.</param>
    /// <returns>The read under way; dispose it.</returns>
    public static BundlePrefetch Start(string path) => new(path);

    /// <summary>
    /// The bundle at <paramref name="path"/> if this read is of that file and not yet taken, waiting for it to finish;
    /// else null. Taken once, so the logits are not kept alive by this object after their cell.
    /// </summary>
    /// <param name="path">The bundle the cell needs.</param>
    /// <returns>The bundle, or null to read it anew.</returns>
    public LogitsBundle? Take(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.Equals(System.IO.Path.GetFullPath(path), Path, StringComparison.Ordinal))
        {
            return null;
        }

        var read = Interlocked.Exchange(ref _read, null);
        return read?.GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        if (Interlocked.Exchange(ref _read, null) is { } pending)
        {
            // A read nobody took (the command failed before its cell) stops at its next chunk and closes its file.
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
        }

        _stop.Dispose();
    }
}
