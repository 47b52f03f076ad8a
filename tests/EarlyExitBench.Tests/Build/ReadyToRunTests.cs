using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Build;

/// <summary>
/// build/ReadyToRun.targets: a Release build on Linux x64 puts precompiled images of eebench, its references and the
/// plugins in their output folders, each still a whole assembly (its IL and metadata kept), the same bytes every build.
/// </summary>
public class ReadyToRunTests
{
    private static bool LinuxX64 => OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;

    private static string HarnessOutput => Path.Combine(TestPaths.RepoRoot, "src", "Harness", "bin", "Release", "net10.0");

    public static TheoryData<string> Assemblies() =>
    [
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "eebench.dll"),
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "EarlyExitBench.Contracts.dll"),
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "System.Numerics.Tensors.dll"),
        Path.Combine("src", "Harness", "bin", "Release", "net10.0", "ScottPlot.dll"),
        Path.Combine("artifacts", "plugins", "EarlyExitBench.Calibrators.Standard", "EarlyExitBench.Calibrators.Standard.dll"),
        Path.Combine("artifacts", "plugins", "EarlyExitBench.Metrics.Conventions", "EarlyExitBench.Metrics.Conventions.dll"),
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void ReleaseBuildOutputIsPrecompiledAndStillAWholeAssembly(string relative)
    {
        if (!LinuxX64)
        {
            return; // built on Linux x64 only; elsewhere the output is plain IL
        }

        var path = Path.Combine(TestPaths.RepoRoot, relative);

        using var pe = new PEReader(File.OpenRead(path));
        var cor = pe.PEHeaders.CorHeader!;

        // A ReadyToRun image: IL library flag and a managed native header (the precompiled code's directory).
        Assert.True(cor.Flags.HasFlag(CorFlags.ILLibrary), $"{relative}: not a ReadyToRun image");
        Assert.True(cor.ManagedNativeHeaderDirectory.Size > 0, $"{relative}: no ReadyToRun header");
        // Its metadata and IL are all there: every method with a body still has one.
        var metadata = pe.GetMetadataReader();
        var bodies = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition).Where(m => m.RelativeVirtualAddress != 0).ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies.Take(200), m => Assert.True(pe.GetMethodBody(m.RelativeVirtualAddress).GetILBytes()!.Length > 0));
    }

    [Fact]
    public void ThePrecompiledImageIsTheSameBytesForTheSameInput()
    {
        if (!LinuxX64)
        {
            return;
        }

        var image = Path.Combine(TestPaths.RepoRoot, "src", "Harness", "obj", "Release", "net10.0", "R2R", "x86-64-v3", "EarlyExitBench.Contracts.dll");
        var rsp = Path.Combine(Path.GetDirectoryName(image)!, "references.rsp");
        Assert.True(File.Exists(image), $"{image} is missing");
        var crossgen = FindCrossgen(rsp);
        Assert.NotNull(crossgen);
        var input = Path.Combine(TestPaths.RepoRoot, "src", "Contracts", "bin", "Release", "net10.0", "EarlyExitBench.Contracts.dll");
        var output = Path.Combine(TestPaths.TempDirectory(), "EarlyExitBench.Contracts.dll");

        var run = ChildProcess.Run(ChildProcess.StartInfo(crossgen, [input, $"-o:{output}", $"@{rsp}"]), TimeSpan.FromMinutes(2));

        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal(File.ReadAllBytes(image), File.ReadAllBytes(output));
        Assert.Equal(File.ReadAllBytes(image), File.ReadAllBytes(Path.Combine(HarnessOutput, "EarlyExitBench.Contracts.dll")));
    }

    /// <summary>
    /// The crossgen2 the build used: the one of the runtime version whose framework the build referenced (the first line
    /// of its response file, <c>-r:…/Microsoft.NETCore.App/VERSION/*.dll</c>), not whichever version the package cache
    /// holds last.
    /// </summary>
    private static string? FindCrossgen(string rsp)
    {
        var framework = File.ReadLines(rsp).First();
        var version = Path.GetFileName(Path.GetDirectoryName(framework["-r:".Length..]));
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var crossgen = Path.Combine(root, "microsoft.netcore.app.crossgen2.linux-x64", version!, "tools", "crossgen2");
        return File.Exists(crossgen) ? crossgen : null;
    }
}
