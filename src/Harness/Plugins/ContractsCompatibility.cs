using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// Semantic versioning of <c>EarlyExitBench.Contracts</c> between the host and a plugin, read from the plugin's metadata
/// before any of its code runs: the same major, and a minor no newer than the host's (a plugin may call only what its
/// Contracts had), is compatible; anything else is refused with both versions named.
/// </summary>
public static class ContractsCompatibility
{
    private const string ContractsName = "EarlyExitBench.Contracts";

    /// <summary>The host's Contracts version (major.minor.patch).</summary>
    public static Version Host { get; } = Semantic(typeof(IEarlyExitPlugin).Assembly);

    /// <summary>The Contracts version <paramref name="assemblyPath"/> was compiled against, or null when it references none or is unreadable.</summary>
    public static Version? ReferencedBy(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.GetString(reference.Name) == ContractsName)
                {
                    return reference.Version;
                }
            }
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or InvalidOperationException)
        {
            // Not a readable .NET assembly: loading will say so.
        }

        return null;
    }

    /// <summary>Why <paramref name="assemblyPath"/>, built against Contracts <paramref name="referenced"/>, cannot load in this host; null when it can.</summary>
    public static PluginLoadFailure? Refusal(string assemblyPath, Version? referenced) => Refusal(assemblyPath, referenced, Host);

    /// <summary>As <see cref="Refusal(string, Version?)"/> against a given host version (for tests).</summary>
    public static PluginLoadFailure? Refusal(string assemblyPath, Version? referenced, Version host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (referenced is null || (referenced.Major == host.Major && referenced.Minor <= host.Minor))
        {
            return null;
        }

        var file = Path.GetFileName(assemblyPath);
        var why = referenced.Major != host.Major
            ? "a different major version is incompatible"
            : $"it may use what Contracts {referenced.Major}.{referenced.Minor} added";
        return new PluginLoadFailure(
            assemblyPath,
            $"{file} was built against {ContractsName} {Format(referenced)}, but this eebench has {ContractsName} {Format(host)}; {why}",
            $"Rebuild {file} against {ContractsName} {host.Major}.{host.Minor} (or an earlier {host.Major}.x), or use an eebench whose Contracts is {referenced.Major}.{referenced.Minor} or newer within major {referenced.Major}.");
    }

    private static Version Semantic(Assembly contracts)
    {
        var informational = contracts.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', '-')[0];
        return Version.TryParse(informational, out var version) ? version : contracts.GetName().Version ?? new Version(0, 0);
    }

    // Assembly versions carry four parts, with major.minor from the package version; print the three of SemVer.
    private static string Format(Version version) => $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}";
}
