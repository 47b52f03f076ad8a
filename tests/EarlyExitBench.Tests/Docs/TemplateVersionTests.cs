using System.Xml.Linq;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>The templates reference the Contracts and TorchSharp this checkout builds, so a new plugin matches its host.</summary>
public class TemplateVersionTests
{
    private static string Property(string name) =>
        XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props")).Descendants(name).Single().Value;

    public static TheoryData<string> Projects => new(
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "templates", "content"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, p))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Projects))]
    public void TemplateProjectsReferenceThisCheckoutsVersions(string project)
    {
        var references = XDocument.Load(Path.Combine(TestPaths.RepoRoot, project)).Descendants("PackageReference")
            .ToDictionary(r => (string)r.Attribute("Include")!, r => r);

        Assert.Equal(Property("ContractsVersion"), (string?)references["EarlyExitBench.Contracts"].Attribute("Version"));
        if (project.Contains(".Tests", StringComparison.Ordinal))
        {
            // The contract kit is versioned with Contracts (src/Testing's Version is ContractsVersion).
            Assert.Equal(Property("ContractsVersion"), (string?)references["EarlyExitBench.Testing"].Attribute("Version"));
        }

        if (references.TryGetValue("TorchSharp", out var torch))
        {
            Assert.Equal(Property("TorchSharpVersion"), (string?)torch.Attribute("Version"));
            Assert.Contains("runtime", (string?)torch.Attribute("ExcludeAssets"), StringComparison.Ordinal);
        }

        if (!project.Contains(".Tests", StringComparison.Ordinal))
        {
            Assert.Equal("runtime", (string?)references["EarlyExitBench.Contracts"].Attribute("ExcludeAssets"));
            // A plugin references Contracts only (and TorchSharp, for an architecture's modules).
            Assert.Equal(torch is null ? 1 : 2, references.Count);
            Assert.Empty(XDocument.Load(Path.Combine(TestPaths.RepoRoot, project)).Descendants("ProjectReference"));
        }
    }
}
