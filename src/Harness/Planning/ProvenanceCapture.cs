using System.Reflection;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Planning;

/// <summary>Builds a plan's <see cref="Provenance"/> from the files and plugins it uses.</summary>
public static class ProvenanceCapture
{
    /// <summary>The provenance of a plan read from <paramref name="sourceFile"/> that runs <paramref name="plugins"/> on <paramref name="datasets"/>.</summary>
    /// <param name="sourceFile">The suite file, or the logits bundle of <c>evaluate</c>.</param>
    /// <param name="plugins">Every resolved plugin of the plan (datasets, architectures, calibrators, predictors, policies).</param>
    /// <param name="datasets">Each dataset's label and content id.</param>
    public static Provenance Of(string sourceFile, IEnumerable<ResolvedPlugin> plugins, IEnumerable<DatasetProvenance> datasets)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(datasets);
        var harness = typeof(ProvenanceCapture).Assembly;
        var (commit, dirty) = GitCheckout.Describe(AppContext.BaseDirectory);
        var repository = PluginAssembly.RepositoryRoot();
        var loaded = plugins
            .Where(p => File.Exists(p.Registration.AssemblyPath))
            .GroupBy(p => p.Registration.AssemblyPath, StringComparer.Ordinal)
            .Select(g => new AssemblyProvenance(
                NameOf(g.First().Registration.Assembly),
                VersionOf(g.First().Registration.Assembly),
                g.First().AssemblySha256,
                Aliases(g),
                PluginAssembly.IsExternal(g.Key, repository)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Sha256, StringComparer.Ordinal);
        var builtIn = plugins.Where(p => !File.Exists(p.Registration.AssemblyPath)).ToList();
        var self = new AssemblyProvenance(
            harness.GetName().Name ?? "eebench",
            harness.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? harness.GetName().Version?.ToString() ?? "?",
            ResolvedPlugin.Sha256Of(harness.Location),
            Aliases(builtIn));
        return new Provenance(
            File.Exists(sourceFile) ? ResolvedPlugin.Sha256Of(Path.GetFullPath(sourceFile)) : null,
            commit,
            dirty,
            [self, .. loaded],
            datasets.ToList())
        {
            Plugins = plugins
                .Select(p => p.Registration)
                .DistinctBy(r => (r.Kind, r.Alias))
                .OrderBy(r => r.Kind)
                .ThenBy(r => r.Alias, StringComparer.Ordinal)
                .Select(r => new PluginProvenance(
                    PluginKinds.Describe(r.Kind), r.Alias, r.Version, r.Description, r.Citation, r.Assembly,
                    r.Kind == PluginKind.Calibrator ? r.Info.KeepsArgmax : null,
                    r.Kind == PluginKind.Calibrator ? r.Info.KeepsSampleOrder : null))
                .ToList(),
        };
    }

    private static IReadOnlyList<string> Aliases(IEnumerable<ResolvedPlugin> plugins) =>
        plugins.Select(p => $"{PluginKinds.Describe(p.Registration.Kind)}:{p.Registration.Alias}").Distinct().Order(StringComparer.Ordinal).ToList();

    // PluginRegistration.Assembly reads "Name Version" (see CollectingRegistrar.Describe).
    private static string NameOf(string described) => described.Split(' ', 2)[0];

    private static string VersionOf(string described) => described.Split(' ', 3) is { Length: > 1 } parts ? parts[1] : "?";
}
