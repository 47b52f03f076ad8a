namespace EarlyExitBench.Harness.Cli;

/// <summary>Proves the results folder can be written before any work starts, so a bad folder fails in a second, not after training.</summary>
internal static class OutputCheck
{
    /// <summary>Null when <paramref name="folder"/> can be created and written; otherwise what is wrong and what to do.</summary>
    public static string? Problem(string folder)
    {
        var full = Path.GetFullPath(folder);
        for (var dir = full; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return $"cannot create the output folder {full}: {dir} is a file. Choose another folder with --out or the suite's output:";
            }
        }

        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".eebench-write-test-{Environment.ProcessId}");
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                // Flushed to the device: on a full disk, creating the file can succeed while writing its first byte fails.
                stream.WriteByte(0);
                stream.Flush(flushToDisk: true);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot write to the output folder {full}: {ex.Message.TrimEnd('.')}. Free some space, fix its permissions, or choose another folder with --out or the suite's output:";
        }
    }
}
