using System.Diagnostics;
using System.Globalization;

namespace EarlyExitBench.Harness.Data;

/// <summary>A one-line progress bar on standard error, redrawn at most 10 times a second; silent when stderr is not a terminal.</summary>
internal sealed class DownloadProgress(string name, TextWriter? writer)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    /// <summary>The console's stderr when that is a terminal, else null (no bar in logs and pipes).</summary>
    public static TextWriter? Terminal => Console.IsErrorRedirected ? null : Console.Error;

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> bytes (total unknown: null).</summary>
    public void Report(long done, long? total, bool final = false)
    {
        if (writer is null || (!final && _clock.ElapsedMilliseconds - _lastDraw < 100))
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3) / 1e6;
        var line = total is > 0 and var t
            ? string.Create(CultureInfo.InvariantCulture, $"\r{name} [{new string('#', (int)(Width * done / t)).PadRight(Width)}] {100.0 * done / t,5:F1}% {done / 1e6:F1}/{t / 1e6:F1} MB {rate:F1} MB/s")
            : string.Create(CultureInfo.InvariantCulture, $"\r{name} {done / 1e6:F1} MB {rate:F1} MB/s");
        writer.Write(line);
        if (final)
        {
            writer.WriteLine();
        }

        writer.Flush();
    }
}
