using System.Text;
using CsCheck;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>
/// Mutated suites (YAML syntax and invalid UTF-8 inserted, bytes flipped, lines cut): reading and validating never
/// throws, and every error is one line at a location in the suite file.
/// </summary>
[Trait("Category", Fuzz.Category)]
public class SuiteLoaderFuzzTests(ITestOutputHelper output)
{
    private const string Seed = """
        name: fuzz
        seeds: [0, 1]
        device: cpu
        threads: 2
        output: results
        datasets:
          - alias: fashion-mnist
            options: { path: /nonexistent }
            validation_size: 100
            train_limit: 500
        architectures:
          - alias: branchy-lenet
            options: { channels: [4, 8], head_grid: 2 }
        training: { epochs: 1, batch_size: 32, optimizer: sgd, learning_rate: 0.01 }
        calibrators: [identity, temperature, {alias: histogram, options: {bins: 10}}]
        failure_predictors: [msp, entropy]
        exit_policies: [{alias: budget, options: {budgets: [0.5, 1.0]}}]
        evaluation: { bins: 15, bootstrap: 100 }
        measurement:
          enabled: false
          samples: 64
        """;

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            ":", ": ", "- ", "[", "]", "{", "}", ",", "\t", "\"", "'", "&a ", "*a", "!!str ", "!!int ", "%YAML 1.2\n", "\n", "\n  ", "#",
            "? ", "---\n", "...\n", "|\n", ">\n", "~", "null", "0", "-1", "1e999", "2147483648", "<<: *a\n", "name: x\n", "  alias: ",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xE2, 0x82], [0xC0, 0xAF], [0xEF, 0xBB, 0xBF], [0x00],
    ];

    private static readonly PluginCatalog Catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);

    [Fact]
    public void MutatedSuitesAreReportedNeverThrown()
    {
        var dir = TestPaths.TempDirectory();
        var seed = Encoding.UTF8.GetBytes(Seed);
        // Line starts: where keys, list dashes and indentation are.
        var lineStarts = Enumerable.Range(0, seed.Length).Where(i => i == 0 || seed[i - 1] == (byte)'\n').ToArray();
        Fuzz.Run("SuiteLoader", Mutation.Gen(Tokens), edits =>
        {
            var path = Fuzz.TempFile(dir, ".yaml");
            File.WriteAllBytes(path, Mutation.Apply(seed, edits, lineStarts));
            try
            {
                var reading = SuiteLoader.Read(path);
                var errors = reading.Suite is { } suite ? reading.Errors.Concat(SuiteValidator.Validate(suite, Catalog)).ToList() : reading.Errors;
                Assert.True(reading.Suite is not null || errors.Count > 0, "a suite that did not bind must say why");
                Assert.All(errors, e =>
                {
                    Assert.Equal(path, e.Location.File);
                    Assert.DoesNotContain('\n', e.Message);
                });
                return errors.Count == 0;
            }
            finally
            {
                File.Delete(path);
            }
        }, Mutation.Print, output);
    }
}
