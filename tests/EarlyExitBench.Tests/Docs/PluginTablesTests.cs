using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>
/// The plugin tables of docs/contributors/plugins.md are generated from the loaded registry (the shipped plugins under <c>artifacts/plugins</c>
/// and the host's built-ins): this test fails when the marked block differs, and <c>EEBENCH_APPROVE=1</c> rewrites it.
/// </summary>
public class PluginTablesTests
{
    private const string Begin = "<!-- plugin-tables: generated from the plugin registry; EEBENCH_APPROVE=1 dotnet test --filter PluginTablesTests rewrites it -->";
    private const string End = "<!-- /plugin-tables -->";

    private static string Readme => Path.Combine(TestPaths.RepoRoot, "docs", "contributors", "plugins.md");

    [Fact]
    public void TheReadmePluginTablesAreTheRegistrys()
    {
        var text = File.ReadAllText(Readme);
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"docs/contributors/plugins.md has no block between '{Begin}' and '{End}'");
        var expected = Render(ShippedRegistry.Loaded);

        var actual = text[(start + Begin.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("EEBENCH_APPROVE") == "1")
        {
            File.WriteAllText(Readme, text[..(start + Begin.Length)] + expected + text[end..]);
            actual = expected;
        }

        Assert.True(expected == actual, "docs/contributors/plugins.md's plugin tables differ from the registry; rewrite them with EEBENCH_APPROVE=1 dotnet test --filter PluginTablesTests. Expected:\n" + expected);
    }

    [Fact]
    public void TheTablesNameEveryAliasOptionAndFlag()
    {
        // The renderer itself, on the shipped registry: each alias once, options as suites spell them, flags as registered.
        var tables = Render(ShippedRegistry.Loaded);
        var catalog = ShippedRegistry.Loaded;

        Assert.All(PluginKinds.All.SelectMany(k => catalog[k].Entries), r => Assert.Contains($"`{r.Alias}`", tables, StringComparison.Ordinal));
        Assert.Contains("`matrix` (option `l2`)", tables, StringComparison.Ordinal);
        Assert.Contains("`max-logit` (formerly `max_logit`)", tables, StringComparison.Ordinal);
        Assert.Contains("`accuracy` (not a proxy)", tables, StringComparison.Ordinal);
        Assert.Contains("| `identity` | yes | yes | no | yes |", tables, StringComparison.Ordinal);
        Assert.Contains("| `vector` | no | no | yes | no |", tables, StringComparison.Ordinal);
    }

    /// <summary>The block between the markers: one row of aliases per kind, then each method's registered flags.</summary>
    internal static string Render(PluginCatalog catalog)
    {
        var text = new StringBuilder("\n| kind | aliases |\n|---|---|\n");
        foreach (var kind in PluginKinds.All)
        {
            var groups = catalog[kind].InRegistrationOrder.GroupBy(r => r.AssemblyPath).Select(g => $"{Source(g.First())}: {string.Join(", ", g.Select(Entry))}");
            text.Append($"| {PluginKinds.Describe(kind)} | {string.Join("; ", groups)} |\n");
        }

        text.Append("\nWhat each calibrator's registration promises (`PluginInfo`; the contract tests check every \"yes\" by behaviour,\n")
            .Append("\"no\" claims nothing): the argmax of every sample kept, the order of samples by confidence kept (Kendall τ_b = 1),\n")
            .Append("the validation labels read by the fit, the plain softmax by design (exempt from the silent-no-op check).\n\n")
            .Append("| calibrator | keeps argmax | keeps sample order | reads validation labels | identity |\n|---|---|---|---|---|\n");
        foreach (var r in catalog[PluginKind.Calibrator].InRegistrationOrder)
        {
            text.Append($"| `{r.Alias}` | {Yes(r.Info.KeepsArgmax)} | {Yes(r.Info.KeepsSampleOrder)} | {Yes(r.Info.UsesValidationLabels)} | {Yes(r.Info.IsIdentity)} |\n");
        }

        text.Append("\nFailure predictors and exit policies that read the validation labels (the others are checked to ignore them):\n");
        var readers = new[] { PluginKind.FailurePredictor, PluginKind.ExitPolicy }
            .SelectMany(k => catalog[k].InRegistrationOrder.Where(r => r.Info.UsesValidationLabels).Select(r => $"`{r.Alias}` ({PluginKinds.Describe(k)})"))
            .ToList();
        text.Append(readers.Count == 0 ? "none" : string.Join(", ", readers)).Append(".\n");
        return text.ToString();
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    /// <summary>Where a registration comes from: the host, or the plugin project's folder.</summary>
    private static string Source(PluginRegistration registration)
    {
        if (registration.AssemblyPath == PluginHost.BuiltInPath)
        {
            return "built into the host";
        }

        var project = Path.GetFileNameWithoutExtension(registration.AssemblyPath);
        var csproj = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "plugins"), project + ".csproj", SearchOption.AllDirectories).Single();
        return $"`{Path.GetRelativePath(TestPaths.RepoRoot, Path.GetDirectoryName(csproj)!).Replace('\\', '/')}`";
    }

    /// <summary>The alias with its options as suites spell them, its former aliases, and "not a proxy" for a metric that is not.</summary>
    private static string Entry(PluginRegistration registration)
    {
        var notes = new List<string>();
        var options = registration.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => $"`{p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)}`")
            .ToList();
        if (options.Count > 0)
        {
            notes.Add((options.Count == 1 ? "option " : "options ") + string.Join(", ", options));
        }

        if (registration.DeprecatedAliases.Count > 0)
        {
            notes.Add("formerly " + string.Join(", ", registration.DeprecatedAliases.Select(a => $"`{a}`")));
        }

        if (registration.Kind == PluginKind.Metric && !Create<IExitMetric>(registration).Info.IsProxy)
        {
            notes.Add("not a proxy");
        }

        return notes.Count == 0 ? $"`{registration.Alias}`" : $"`{registration.Alias}` ({string.Join("; ", notes)})";
    }

    private static T Create<T>(PluginRegistration registration) =>
        (T)registration.Factory(Activator.CreateInstance(registration.OptionsType)!, new PluginContext(Serilog.Core.Logger.None, registration.Alias, 1));
}
