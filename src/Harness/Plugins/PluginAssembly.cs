using System.Reflection;
using System.Security.Cryptography;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>A plugin assembly the host loaded: plugins are code that runs with the user's rights, so each is identified by its hash.</summary>
/// <param name="Path">Full path of the assembly.</param>
/// <param name="Name">Assembly name.</param>
/// <param name="Version">Assembly version, from its metadata ("?" when unreadable).</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex, taken before it was loaded.</param>
/// <param name="External">True when it lies outside the repository the host was built in (every plugin, for an installed host).</param>
public sealed record PluginAssembly(string Path, string Name, string Version, string Sha256, bool External)
{
    /// <summary>Hashes and names the assembly at <paramref name="path"/>; <paramref name="repositoryRoot"/> null means no repository.</summary>
    public static PluginAssembly Describe(string path, string? repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        string sha;
        using (var stream = File.OpenRead(full))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var (name, version) = (System.IO.Path.GetFileNameWithoutExtension(full), "?");
        try
        {
            var metadata = AssemblyName.GetAssemblyName(full);
            (name, version) = (metadata.Name ?? name, metadata.Version?.ToString() ?? version);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
        {
            // Not a readable .NET assembly: loading will say so; the hash still identifies the file.
        }

        return new PluginAssembly(full, name, version, sha, IsExternal(full, repositoryRoot));
    }

    /// <summary>True unless <paramref name="path"/> lies inside <paramref name="repositoryRoot"/> (null: no repository, so everything is external).</summary>
    public static bool IsExternal(string path, string? repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return repositoryRoot is null
            || !System.IO.Path.GetFullPath(path).StartsWith(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(repositoryRoot)) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The checkout the host runs from (the folder holding <c>EarlyExitBench.sln</c> above it), or null when installed elsewhere.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EarlyExitBench.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
