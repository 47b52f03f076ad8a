using System.Diagnostics;
using System.Text.Json;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>
/// One run per output folder: <c>.eebench.lock</c> holds the holder's pid, host and start time. A second run refuses
/// with a message naming the holder; a lock left by a process that is gone (same host, pid dead or reused) is taken over.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly string _path;

    private RunLock(string path) => _path = path;

    /// <summary>The lock file of <paramref name="directory"/>.</summary>
    public static string PathOf(string directory) => Path.Combine(directory, ".eebench.lock");

    /// <summary>Takes the lock of <paramref name="directory"/> or throws <see cref="RunLockedException"/>.</summary>
    public static RunLock Acquire(string directory, Serilog.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(directory);
        var path = PathOf(directory);
        var me = Holder.Current();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, me);
                }

                return new RunLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = Read(path);
                if (holder is not null && holder.IsAlive())
                {
                    throw new RunLockedException(
                        $"{directory} is in use by eebench (pid {holder.Pid} on {holder.Host}, since {holder.Started}); wait for it to finish, "
                        + $"use another --out, or delete {path} if that process is gone");
                }

                logger.Warning("Taking over the stale lock {Path} of {Holder}", path, holder is null ? "an unreadable lock file" : $"pid {holder.Pid} on {holder.Host}");
                File.Delete(path);
            }
        }

        throw new RunLockedException($"could not take the lock {path}: another eebench keeps taking it");
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(_path);

    private static Holder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    private sealed record Holder(int Pid, string Host, string Started, long StartTicks)
    {
        public static Holder Current()
        {
            using var self = Process.GetCurrentProcess();
            return new Holder(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow.ToString("O"), self.StartTime.ToUniversalTime().Ticks);
        }

        /// <summary>On another host we cannot tell, so the lock counts as held; here, the pid must run and have started when recorded.</summary>
        public bool IsAlive()
        {
            if (Host != Environment.MachineName)
            {
                return true;
            }

            try
            {
                using var process = Process.GetProcessById(Pid);
                return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - StartTicks) < TimeSpan.TicksPerSecond;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
