using System.Reflection;
using System.Text;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Build;

/// <summary>
/// Assembly SHA-256s are part of the model and cell content keys (and of provenance), so the build must give the same
/// bytes for the same source in any checkout at any commit: no absolute path of the checkout (the PDB entry of each
/// dll) and no commit id (the informational version) inside eebench, Contracts or a plugin. Either made every clone and
/// every commit retrain its models and re-evaluate its cells (Directory.Build.props).
/// </summary>
public class PortableAssemblyTests
{
    public static TheoryData<string> Assemblies() =>
    [
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "eebench.dll"),
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "EarlyExitBench.Contracts.dll"),
        Path.Combine("artifacts", "plugins", "EarlyExitBench.Architectures.BranchyLeNet", "EarlyExitBench.Architectures.BranchyLeNet.dll"),
        Path.Combine("artifacts", "plugins", "EarlyExitBench.Calibrators.Standard", "EarlyExitBench.Calibrators.Standard.dll"),
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void AnAssemblyNamesNeitherTheCheckoutNorTheCommit(string relative)
    {
        var path = Path.Combine(TestPaths.RepoRoot, relative);
        var bytes = File.ReadAllBytes(path);

        var root = TestPaths.RepoRoot.TrimEnd(Path.DirectorySeparatorChar);
        Assert.True(IndexOf(bytes, Encoding.UTF8.GetBytes(root)) < 0, $"{relative} holds the checkout's path {root}");
        Assert.True(IndexOf(bytes, Encoding.Unicode.GetBytes(root)) < 0, $"{relative} holds the checkout's path {root} (UTF-16)");

        var informational = Informational(path);
        Assert.NotNull(informational);
        Assert.DoesNotContain('+', informational);
    }

    private static string? Informational(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != System.Reflection.Metadata.HandleKind.MemberReference)
            {
                continue;
            }

            var parent = metadata.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor).Parent;
            var type = metadata.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)parent);
            if (metadata.GetString(type.Name) == nameof(AssemblyInformationalVersionAttribute))
            {
                var blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString();
            }
        }

        return null;
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
