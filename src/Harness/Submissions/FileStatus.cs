using System.Runtime.InteropServices;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// What <c>lstat</c> says of a path, which .NET does not: its type and how many names it has. A hard link is a second
/// name of a file that may lie outside the submission, and a FIFO or device would block or feed without end.
/// Read through <c>statx(2)</c>, whose layout is the same on every Linux architecture.
/// </summary>
/// <param name="Links">Number of names (hard links) of the file.</param>
/// <param name="Type">The file type bits of its mode (<c>S_IFMT</c>).</param>
internal readonly record struct FileStatus(uint Links, int Type)
{
    /// <summary>A regular file.</summary>
    public const int Regular = 0x8000;

    /// <summary>A directory.</summary>
    public const int Directory = 0x4000;

    /// <summary>A symbolic link.</summary>
    public const int SymbolicLink = 0xA000;

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint BasicStats = 0x7ff;

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed); null off Linux or on error.</summary>
    public static FileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        if (NativeMethods.statx(AtCurrentDirectory, path, AtSymlinkNoFollow, BasicStats, buffer) != 0)
        {
            return null;
        }

        // struct statx: stx_nlink is the u32 at byte 16, stx_mode the u16 at byte 28.
        return new FileStatus(BitConverter.ToUInt32(buffer, 16), BitConverter.ToUInt16(buffer, 28) & 0xF000);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project does not allow
        public static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
    }
}
