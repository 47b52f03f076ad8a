using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// <c>submissions.html</c>: who submitted what. A summary of every submission with its cells' verification statuses,
/// then per submission its pin (suite, plan, eebench), machine, plugins, verification and every cell with its status.
/// </summary>
internal static class SubmissionsView
{
    /// <summary>The page.</summary>
    public static string Render(SiteModel model, SiteLinks links)
    {
        const string root = "";
        var html = new StringBuilder();
        SiteHtml.Paragraph(html, "Each cell (one seed of one setting of a submission) is verified (eebench verify re-ran it from scratch in the sandbox and got "
            + "the submitted result), not sampled (the submission was verified, but this cell was not drawn), mismatch (re-run, and the result differs), "
            + "failed (the re-run made no result) or not verified (the submission has no verification record).");
        SiteHtml.Table(html, "submissions-table", SummaryColumns, model.Submissions.Select(s =>
        {
            var count = CellStatus.All.ToDictionary(a => a, a => s.Cells.Count(c => c.Status == a), StringComparer.Ordinal);
            return (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Link(s.Name, links.Submission(root, s.Name)), HtmlCell.Of(s.Manifest.Pin.Suite), HtmlCell.Of(s.Benchmark),
                HtmlCell.Integer(model.Settings.Count(t => t.Parts.Any(p => p.Submission == s))), HtmlCell.Integer(s.Cells.Count),
                .. CellStatus.All.Select(a => HtmlCell.Integer(count[a])),
                HtmlCell.Of(Verification(s)),
            ];
        }), filter: true);

        foreach (var s in model.Submissions)
        {
            var anchor = links.SubmissionAnchor(s.Name);
            SiteHtml.Heading(html, 2, s.Name, anchor);
            var pin = s.Manifest.Pin;
            html.Append("<dl class=\"eeb-facts\">\n");
            Fact(html, "submission.json SHA-256", s.Sha256);
            Fact(html, "suite", $"{pin.Suite} (SHA-256 {pin.SuiteSha256})");
            Fact(html, "plan", pin.PlanId);
            Fact(html, "eebench", $"{pin.Harness} {pin.HarnessVersion}, schema {pin.SchemaVersion.ToString(CultureInfo.InvariantCulture)} (SHA-256 {pin.HarnessSha256})");
            Fact(html, "machine", s.Manifest.Machine is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{m.Machine}: {m.Os}, {m.ProcessorCount} processors, {m.Runtime}, TorchSharp {m.TorchSharp}, {m.Device}, {m.TorchThreads} torch threads")
                : "not recorded");
            Fact(html, "settings", string.Join("; ", model.Settings.Where(t => t.Parts.Any(p => p.Submission == s)).Select(t => t.Title)));
            Fact(html, "verification", Verification(s));
            html.Append("</dl>\n");
            html.Append("<p>Settings: ").AppendJoin(", ", model.Settings.Where(t => t.Parts.Any(p => p.Submission == s))
                .Select(t => $"<a href=\"{SiteHtml.E(SiteLinks.Setting(root, t))}\">{SiteHtml.E(t.Title)}</a>")).Append("</p>\n");
            if (s.Manifest.Plugins.Count > 0)
            {
                SiteHtml.Table(html, anchor + "-plugins", PluginColumns, s.Manifest.Plugins.Select(p => (IReadOnlyList<HtmlCell>)
                    [HtmlCell.Of(p.Assembly), HtmlCell.Of(p.Version), HtmlCell.Of(p.Source), HtmlCell.Of(p.Sha256)]), caption: "Plugins its plan used");
            }

            var seconds = (s.Verification?.Cells ?? []).ToDictionary(c => c.Key, c => c.Seconds, StringComparer.Ordinal);
            SiteHtml.Table(html, anchor + "-cells", CellColumns, s.Cells.Select(c => (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Of(c.Name), HtmlCell.Of(c.Dataset), HtmlCell.Of(c.Architecture), HtmlCell.Of(c.Recipe), HtmlCell.Integer(c.Seed),
                HtmlCell.Of(c.Status), HtmlCell.Of(c.Detail ?? ""), seconds.TryGetValue(c.Key, out var t) ? HtmlCell.Number(t, "F1") : HtmlCell.Of("–"), HtmlCell.Of(c.Key),
            ]), filter: s.Cells.Count > 10, caption: "Every cell of its plan, with its verification status");
        }

        return SiteHtml.Page("Submissions", "who submitted what, pinned to which version, and how each cell was verified", root, html.ToString());
    }

    private static string Verification(SiteSubmission s) => s.Verification is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Cells.Count} of {s.Cells.Count} cell(s) re-run (sample {v.Sample}, seed {v.Seed}, {(v.Sandbox ? "in the sandbox" : "without the sandbox")}) by eebench {v.Eebench.Version} (SHA-256 {v.Eebench.Sha256})")
        : "not verified";

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(SiteHtml.E(name)).Append("</dt><dd>").Append(SiteHtml.E(value)).Append("</dd>\n");

    private static IReadOnlyList<HtmlColumn> SummaryColumns { get; } =
    [
        new("submission", "Submission"), new("suite", "Suite"), new("benchmark", "Benchmark"), new("settings", "Settings", Numeric: true), new("cells", "Cells", Numeric: true),
        new("verified", "Verified", Numeric: true), new("not_sampled", "Not sampled", Numeric: true), new("mismatch", "Mismatch", Numeric: true),
        new("failed", "Failed", Numeric: true), new("not_verified", "Not verified", Numeric: true), new("verification", "Verification"),
    ];

    private static IReadOnlyList<HtmlColumn> PluginColumns { get; } =
        [new("assembly", "Assembly"), new("version", "Version"), new("source", "Source"), new("sha256", "SHA-256")];

    private static IReadOnlyList<HtmlColumn> CellColumns { get; } =
    [
        new("cell", "Cell"), new("dataset", "Dataset"), new("architecture", "Architecture"), new("recipe", "Recipe"), new("seed", "Seed", Numeric: true),
        new("status", "Status"), new("detail", "Detail"), new("seconds", "Re-run seconds", Numeric: true), new("key", "Key"),
    ];
}
