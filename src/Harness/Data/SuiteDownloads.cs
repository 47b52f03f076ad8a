using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Data;

/// <summary>Carries out a suite dataset's <c>download: true</c> before the dataset is read.</summary>
public static class SuiteDownloads
{
    /// <summary>
    /// For a <c>download: true</c> entry, installs the dataset into its <c>options.path</c> (or <c>DATA_ROOT/alias</c>, then
    /// written into the options) unless it is complete there already; other entries come back unchanged.
    /// </summary>
    public static DatasetSpec Prepare(DatasetSpec spec, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.Download)
        {
            return spec;
        }

        var alias = spec.Plugin.Alias;
        if (DatasetCatalog.All.All(d => d.Name != alias))
        {
            throw new InvalidDataException(
                $"{spec.Plugin.Location}: 'download: true' on dataset '{alias}', which cannot be downloaded (these can: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))})");
        }

        var dataset = DatasetCatalog.Find(alias);
        var path = spec.Plugin.Options["path"]?.GetValue<string>();
        var folder = path is null ? Path.Combine(DatasetCatalog.DefaultRoot(), alias) : Path.GetFullPath(path);
        DatasetInstaller.Ensure(dataset, folder, [], progress, cancellationToken);
        if (path is not null)
        {
            return spec;
        }

        var options = (System.Text.Json.Nodes.JsonObject)spec.Plugin.Options.DeepClone();
        options["path"] = folder;
        return spec with { Plugin = spec.Plugin with { Options = options } };
    }
}
