using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cli;

[Collection("Console")]
public class CommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => InProcess.Run(args);

    [Fact]
    public void PluginsListsKindsAliasesAndAssemblies()
    {
        var (code, output, _) = Run("plugins");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("branchy-lenet", output, StringComparison.Ordinal);
        Assert.Contains("EarlyExitBench.Calibrators.Standard 0.1.0", output, StringComparison.Ordinal);
        Assert.Contains("failure predictor", output, StringComparison.Ordinal);
        Assert.Contains("EarlyExitBench.Contracts 1.", output, StringComparison.Ordinal);
        Assert.Contains("cite: Guo, Pleiss, Sun & Weinberger 2017", output, StringComparison.Ordinal);
        Assert.Contains("deprecated alias: max_logit", output, StringComparison.Ordinal);
        Assert.Contains("deprecated alias: patience", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateNotesADeprecatedAliasAtItsLine()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "old.yaml");
        File.WriteAllText(path, """
            name: old
            datasets: [fashion-mnist]
            architectures: [branchy-lenet]
            training: { epochs: 1 }
            failure_predictors: [msp, max_logit]
            """);

        var (code, output, _) = Run("validate", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"{path}:5:27: note: failure predictor alias 'max_logit' is deprecated; use 'max-logit'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateAliasesMakePluginsFailNamingBothAssemblies()
    {
        var (code, output, _) = Run("plugins", "--plugins", TestPaths.TestPlugin("DuplicateAliasA"), "--plugins", TestPaths.TestPlugin("DuplicateAliasB"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("TestPlugin.DuplicateAliasA", output, StringComparison.Ordinal);
        Assert.Contains("TestPlugin.DuplicateAliasB", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MissingDependency")]
    [InlineData("ContractsNextMajor")]
    [InlineData("RegisterThrows")]
    public void PluginsExits2WhenAPluginFailsToLoadStillListingEveryPluginAndTheFix(string fixture)
    {
        var (code, output, _) = Run("plugins", "--plugins", TestPaths.TestPlugin(fixture));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("cite: Guo, Pleiss, Sun & Weinberger 2017", output, StringComparison.Ordinal);
        var failure = Assert.Single(output.Split('\n'), l => l.StartsWith("failed to load ", StringComparison.Ordinal));
        Assert.Contains($"TestPlugin.{fixture}", failure, StringComparison.Ordinal);
        // The reason may hold the runtime's own line break (a missing dependency's message does): the fix follows it.
        Assert.Contains(". Fix: ", output[output.IndexOf(failure, StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void VerbosePrintsThePluginsOwnStackTraceAndWithoutItTheFailureStaysOneLine()
    {
        var dir = TestPaths.TempDirectory();
        var bundle = ToyBundle.Write(dir);
        string[] args = ["evaluate", "--bundle", bundle, "--calibrators", "throws-on-fit,identity", "--failure-predictors", "msp", "--bootstrap", "0", "--plugins", TestPaths.TestPlugin("Faulty")];

        var (quietCode, _, quiet) = Run([.. args, "--out", Path.Combine(dir, "quiet")]);
        var (verboseCode, _, verbose) = Run([.. args, "--out", Path.Combine(dir, "verbose"), "--verbose"]);

        Assert.Equal((ExitCodes.PartialFailure, ExitCodes.PartialFailure), (quietCode, verboseCode));
        foreach (var errors in new[] { quiet, verbose })
        {
            Assert.Contains(errors.Split('\n'), l => l.Contains("calibrator 'throws-on-fit' failed in fit (exit 1): InvalidOperationException: fixture: fit always fails", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("   at ", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("holds no plugin", quiet, StringComparison.Ordinal);
        // The exception the plugin threw, with the plugin's own frame: not the host's wrapper.
        Assert.Contains("System.InvalidOperationException: fixture: fit always fails", verbose, StringComparison.Ordinal);
        Assert.Contains("at TestPlugin.Faulty.ThrowingCalibrator.Fit(", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public void APluginFolderWithNoPluginWithinTheSearchDepthIsNamedAndPluginsExits2WhileARunGoesOn()
    {
        // A built plugin one folder deeper than the host looks: found by no search.
        var root = TestPaths.TempDirectory();
        var deep = Path.Combine([root, .. Enumerable.Repeat("sub", PluginHost.SearchDepth), "TestPlugin.Faulty"]);
        Directory.CreateDirectory(deep);
        foreach (var file in Directory.EnumerateFiles(TestPaths.TestPlugin("Faulty")))
        {
            File.Copy(file, Path.Combine(deep, Path.GetFileName(file)));
        }

        var empty = TestPaths.TempDirectory();
        var warning = $"Plugin folder {{0}} holds no plugin within {PluginHost.SearchDepth} folders down: a plugin is an X.dll beside its X.deps.json";

        var (code, output, errors) = Run("plugins", "--plugins", root);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.DoesNotContain("throws-on-fit", output, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, warning, Path.GetFullPath(root)), errors, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, warning, Path.GetFullPath(root)), output, StringComparison.Ordinal);

        var dir = TestPaths.TempDirectory();
        var (evaluated, _, evaluateErrors) = Run("evaluate", "--bundle", ToyBundle.Write(dir), "--calibrators", "identity", "--failure-predictors", "msp", "--bootstrap", "0", "--out", dir, "--plugins", empty);
        Assert.Equal(ExitCodes.Ok, evaluated);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, warning, Path.GetFullPath(empty)), evaluateErrors, StringComparison.Ordinal);

        var (found, _, foundErrors) = Run("plugins", "--plugins", Path.GetDirectoryName(Path.GetDirectoryName(deep))!);
        Assert.Equal(ExitCodes.Ok, found);
        Assert.DoesNotContain("holds no plugin", foundErrors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MissingDependency", "failed to load ")]
    [InlineData("RegisterThrows", "failed to load ")]
    [InlineData(null, "holds no plugin within 3 folders down")]
    public void ValidateExits2WithTheReasonWhenAPluginFolderAskedForGivesNoPlugin(string? fixture, string reason)
    {
        // A suite that is fine on its own: only the plugin folder is wrong, by --plugins and by the suite's plugins: line.
        var dir = TestPaths.TempDirectory();
        var folder = fixture is null ? Directory.CreateDirectory(Path.Combine(dir, "empty")).FullName : TestPaths.TestPlugin(fixture);
        var plain = Path.Combine(dir, "plain.yaml");
        var naming = Path.Combine(dir, "naming.yaml");
        const string Body = "datasets: [fashion-mnist]\narchitectures: [branchy-lenet]\ntraining: { epochs: 1 }\n";
        File.WriteAllText(plain, "name: plain\n" + Body);
        File.WriteAllText(naming, $"name: naming\nplugins: ['{folder}']\n" + Body);

        var (fine, _, _) = Run("validate", plain);
        var (viaOption, _, optionErrors) = Run("validate", plain, "--plugins", folder);
        var (viaSuite, _, suiteErrors) = Run("validate", naming);

        Assert.Equal(ExitCodes.Ok, fine);
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (viaOption, viaSuite));
        foreach (var errors in new[] { optionErrors, suiteErrors })
        {
            Assert.Contains(errors.Split('\n'), l => l.StartsWith("eebench: ", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ValidatePrintsEveryErrorAsFileLineColumnAndExits2()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "bad.yaml");
        File.WriteAllText(path, """
            name: bad
            datasets: [fashion-mnist]
            architectures: [branchy-lenett]
            training: { epochs: 0 }
            calibrators: [identity]
            failure_predictors: [msp]
            evaluation: { bins: 15, bootstraps: 10 }
            """);

        var (code, output, errors) = Run("validate", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.EndsWith("bad.yaml:4:21: 'epochs' must be between 1 and 10000, got 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("bad.yaml:7:25: unknown key 'bootstraps' in 'evaluation'; did you mean 'bootstrap'?", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAliasIsReportedByValidateAfterParsing()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "alias.yaml");
        File.WriteAllText(path, "name: a\ndatasets: [fashion-mnist]\narchitectures: [branchy-lenett]\n");

        var (code, _, errors) = Run("validate", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("alias.yaml:3:17: unknown architecture 'branchy-lenett'; did you mean 'branchy-lenet'?", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSuiteValidates()
    {
        var (code, output, _) = Run("validate", Path.Combine(TestPaths.RepoRoot, "suites", "fashion-mnist.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("ok", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("evaluate", "--bundle")]
    public void BadCommandLinesExit2WithOneLine(params string[] args)
    {
        var (code, _, errors) = Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void CorruptBundleExits2NamingTheFile()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "corrupt.npz");
        File.WriteAllText(path, "garbage");

        var (code, _, errors) = Run("evaluate", "--bundle", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(path, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }
}
