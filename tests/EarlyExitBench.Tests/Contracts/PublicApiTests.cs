using EarlyExitBench.Contracts;
using EarlyExitBench.Tests.Support;
using PublicApiGenerator;

namespace EarlyExitBench.Tests.Contracts;

/// <summary>Changing what plugin authors compile against is a decision, not an accident.</summary>
public class PublicApiTests
{
    [Fact]
    public void ContractsPublicApiIsApproved()
    {
        var approvedPath = Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Contracts", "Contracts.approved.txt");
        var actual = typeof(IEarlyExitPlugin).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("EEBENCH_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
        {
            File.WriteAllText(Path.ChangeExtension(approvedPath, ".received.txt"), actual);
        }

        Assert.True(approved == actual, $"The public API of EarlyExitBench.Contracts changed. Review Contracts.received.txt beside {approvedPath}; if intended, rerun with EEBENCH_APPROVE=1 and bump the Contracts version.");
    }
}
