using Serilog;

namespace EarlyExitBench.Harness.Storage;

/// <summary>
/// An exclusive lock on one cache entry, held by an open file with <see cref="FileShare.None"/> (an advisory
/// <c>flock</c> on Linux, released by the kernel when the process dies, so a killed run never leaves it stale).
/// </summary>
public sealed class EntryLock : IDisposable
{
    private readonly FileStream _stream;

    private EntryLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock on <paramref name="path"/> is free, then takes it; logs once while waiting.</summary>
    public static EntryLock Acquire(string path, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var logged = false;
        while (true)
        {
            try
            {
                return new EntryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!logged)
                {
                    logger.Information("Waiting for another eebench that holds {Lock}", path);
                    logged = true;
                }

                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
