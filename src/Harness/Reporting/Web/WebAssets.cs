using System.Reflection;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// The pages' one stylesheet and one script (the vendored tablesort, then our own <c>eeb.js</c>), embedded in the
/// assembly: inlined into a single-file page, or written once under a site's <c>assets/</c>.
/// </summary>
public static class WebAssets
{
    /// <summary>The stylesheet's path in a site, relative to the site's root.</summary>
    public const string CssPath = "assets/eeb.css";

    /// <summary>The script's path in a site, relative to the site's root.</summary>
    public const string ScriptPath = "assets/eeb.js";

    private static readonly Lazy<string> CssText = new(() => Resource("EarlyExitBench.web.eeb.css"));

    private static readonly Lazy<string> ScriptText = new(() =>
        Resource("EarlyExitBench.web.tablesort.min.js").TrimEnd() + "\n" + Resource("EarlyExitBench.web.eeb.js"));

    /// <summary>The stylesheet.</summary>
    public static string Css => CssText.Value;

    /// <summary>The script: tablesort, then the pages' own behaviour.</summary>
    public static string Script => ScriptText.Value;

    /// <summary>Writes <see cref="CssPath"/> and <see cref="ScriptPath"/> under <paramref name="siteRoot"/>.</summary>
    public static void WriteTo(string siteRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteRoot);
        Directory.CreateDirectory(Path.Combine(siteRoot, "assets"));
        Storage.AtomicFile.WriteAllText(Path.Combine(siteRoot, CssPath), Css);
        Storage.AtomicFile.WriteAllText(Path.Combine(siteRoot, ScriptPath), Script);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the eebench assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
