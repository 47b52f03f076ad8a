using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// What the site's pages must do in the browser, asserted through the DOM hooks of SITE-DESIGN.md on the page open in a
/// <see cref="SiteBrowser"/>: a sortable ranking (<c>table.eeb-table[data-sortable]</c>, <c>th[data-key="efficiency"]</c>
/// with <c>aria-sort</c>, cells with <c>data-value</c>), a filter (<c>input.eeb-filter[data-table=ID]</c> hiding rows with
/// <c>hidden</c>) and chart points (<c>svg.eeb-chart [data-tip]</c>, one <c>#eeb-tip</c> shown on hover). The same checks
/// run on the built site (<see cref="SiteInBrowserTests"/>) and on hand-written pages that do it right and wrong
/// (<see cref="SiteBrowserTests"/>), so each is shown to fail where the page misbehaves.
/// </summary>
internal static class PageChecks
{
    /// <summary>
    /// Marks (<c>data-test-table</c>) the page's first sortable table with an efficiency column whose body rows all carry a
    /// <c>data-value</c> there, at least two of them different (so a sort can show); false when there is none.
    /// </summary>
    public static Task<bool> MarkRankingTable(SiteBrowser browser) => browser.EvalAsync<bool>("""
        (() => {
          for (const t of document.querySelectorAll('table.eeb-table[data-sortable]')) {
            const th = t.querySelector('th[data-key="efficiency"]');
            if (!th || !t.tBodies[0]) continue;
            const values = Array.from(t.tBodies[0].rows).map(r => r.cells[th.cellIndex] && r.cells[th.cellIndex].dataset.value);
            if (values.length > 1 && values.every(v => v !== undefined) && new Set(values).size > 1) { t.setAttribute('data-test-table', ''); return true; }
          }
          return false;
        })()
        """);

    /// <summary>
    /// Two clicks on the marked table's efficiency header: after each, <c>aria-sort</c> says a direction, the body holds the
    /// same rows (each with its own value) and their <c>data-value</c> numbers are in that order; the rows moved.
    /// </summary>
    public static async Task SortsByEfficiency(SiteBrowser browser, Action<string> log)
    {
        var before = await Rows(browser);
        log("as rendered:  " + string.Join(", ", before.Select(r => r.Value.ToString(CultureInfo.InvariantCulture))));
        var reordered = false;
        foreach (var click in new[] { 1, 2 })
        {
            await browser.Page.ClickAsync("table[data-test-table] th[data-key=\"efficiency\"]");
            var direction = await browser.EvalAsync<string?>("document.querySelector('table[data-test-table] th[data-key=\"efficiency\"]').getAttribute('aria-sort')");
            var after = await Rows(browser);
            log($"click {click} ({direction}): " + string.Join(", ", after.Select(r => r.Value.ToString(CultureInfo.InvariantCulture))));
            Assert.Contains(direction, new[] { "ascending", "descending" });

            // The same rows, each still holding its own value, now in order of the numbers.
            Assert.Equal(before.OrderBy(r => r.Text, StringComparer.Ordinal), after.OrderBy(r => r.Text, StringComparer.Ordinal));
            var values = after.Select(r => r.Value).ToList();
            Assert.Equal(direction == "ascending" ? values.Order() : values.OrderDescending(), values);
            reordered |= !after.Select(r => r.Text).SequenceEqual(before.Select(r => r.Text));
            before = after;
        }

        Assert.True(reordered, "two clicks on the efficiency header left the rows in the order they had");
        Assert.Empty(browser.Errors);
    }

    /// <summary>
    /// Typing <paramref name="word"/> in the marked table's filter (or the page's first filter) leaves exactly the rows that
    /// contain it visible, the others <c>hidden</c>; clearing the box shows every row again.
    /// </summary>
    public static async Task FilterHidesRows(SiteBrowser browser, string word, Action<string> log)
    {
        var table = await browser.EvalAsync<string?>("""
            (() => { const t = document.querySelector('table[data-test-table]');
              const own = t && t.id ? document.querySelector(`input.eeb-filter[data-table="${t.id}"]`) : null;
              const f = own || document.querySelector('input.eeb-filter[data-table]'); return f ? f.dataset.table : null; })()
            """);
        Assert.False(string.IsNullOrEmpty(table), "no <input class=\"eeb-filter\" data-table=ID> on the page");
        Assert.True(await browser.EvalAsync<bool>($"document.getElementById('{table}') instanceof HTMLTableElement"), $"the filter's data-table '{table}' names no table");
        var texts = await browser.EvalAsync<string[]>($"Array.from(document.getElementById('{table}').tBodies[0].rows).map(r => r.textContent)");
        Assert.Contains(texts, t => t.Contains(word, StringComparison.Ordinal));
        Assert.Contains(texts, t => !t.Contains(word, StringComparison.Ordinal));

        await browser.Page.TypeAsync($"input.eeb-filter[data-table=\"{table}\"]", word);
        var shown = await Visible(browser, table);
        log($"filter '{word}' on #{table}: {shown.Count} of {texts.Length} rows shown");
        Assert.Equal(texts.Count(t => t.Contains(word, StringComparison.Ordinal)), shown.Count);
        Assert.All(shown, t => Assert.Contains(word, t, StringComparison.Ordinal));
        Assert.True(
            await browser.EvalAsync<bool>($"Array.from(document.getElementById('{table}').tBodies[0].rows).filter(r => !r.textContent.includes({JsonSerializer.Serialize(word)})).every(r => r.hidden)"),
            "a row without the word is shown, or hidden some other way than the hidden attribute");

        await browser.EvalAsync<bool>($"(document.querySelector('input.eeb-filter[data-table=\"{table}\"]').select(), true)");
        await browser.Page.Keyboard.PressAsync("Backspace");
        var cleared = await Visible(browser, table);
        log($"filter cleared: {cleared.Count} of {texts.Length} rows shown");
        Assert.Equal(texts.Length, cleared.Count);
        Assert.Empty(browser.Errors);
    }

    /// <summary>
    /// No tip shows before a hover; hovering each of two chart points with different <c>data-tip</c> (each on top where the
    /// mouse goes) shows the one <c>#eeb-tip</c>, visible, holding that point's text, which has a number in it.
    /// </summary>
    public static async Task HoverShowsTip(SiteBrowser browser, Action<string> log)
    {
        var tips = await browser.EvalAsync<string[]>("""
            (() => {
              const seen = new Set(), marked = [];
              for (const p of document.querySelectorAll('svg.eeb-chart [data-tip]')) {
                if (seen.has(p.dataset.tip)) continue;
                p.scrollIntoView({block: 'center', inline: 'center'});
                const r = p.getBoundingClientRect();
                if (r.width <= 0 || r.height <= 0) continue;
                // Only a point on top at its centre (where the mouse goes): one drawn over by another is that one's to show.
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                if (top === null || (top !== p && !p.contains(top))) continue;
                seen.add(p.dataset.tip); p.setAttribute('data-test-point', marked.length); marked.push(p.dataset.tip);
                if (marked.length === 2) break;
              }
              window.scrollTo(0, 0);
              return marked;
            })()
            """);
        Assert.True(tips.Length == 2, "the page has fewer than two chart points (svg.eeb-chart [data-tip]) with distinct tips");
        Assert.True(
            await browser.EvalAsync<bool>("(t => t === null || t.hidden || getComputedStyle(t).display === 'none' || getComputedStyle(t).visibility === 'hidden')(document.getElementById('eeb-tip'))"),
            "#eeb-tip shows before any hover");

        for (var i = 0; i < tips.Length; i++)
        {
            await browser.EvalAsync<bool>($"(document.querySelector('[data-test-point=\"{i}\"]').scrollIntoView({{block: 'center'}}), true)");
            await browser.Page.HoverAsync($"[data-test-point=\"{i}\"]");
            var tip = await browser.EvalAsync<JsonElement>("""
                (() => { const t = document.getElementById('eeb-tip'); if (!t) return { text: '', shown: false, count: 0 };
                  const r = t.getBoundingClientRect(); const s = getComputedStyle(t);
                  return { text: t.textContent, shown: !t.hidden && s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0, count: document.querySelectorAll('#eeb-tip').length }; })()
                """);
            log($"hover point {i}: data-tip '{tips[i]}' -> #eeb-tip '{tip.GetProperty("text").GetString()}' (shown: {tip.GetProperty("shown").GetBoolean()})");
            Assert.True(tip.GetProperty("shown").GetBoolean(), "#eeb-tip is not visible after the hover");
            Assert.Equal(1, tip.GetProperty("count").GetInt32());
            Assert.Contains(tips[i], tip.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"\d", tips[i]); // a value, not only a name
        }

        Assert.Empty(browser.Errors);
    }

    /// <summary>The marked table's body rows in DOM order: the row's text and its efficiency cell's <c>data-value</c>.</summary>
    private static async Task<List<(string Text, double Value)>> Rows(SiteBrowser browser)
    {
        var rows = await browser.EvalAsync<JsonElement[]>("""
            (() => { const t = document.querySelector('table[data-test-table]'); const i = t.querySelector('th[data-key="efficiency"]').cellIndex;
              return Array.from(t.tBodies[0].rows).map(r => ({ text: r.textContent, value: r.cells[i].dataset.value })); })()
            """);
        return [.. rows.Select(r => (r.GetProperty("text").GetString()!, double.Parse(r.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)))];
    }

    private static async Task<List<string>> Visible(SiteBrowser browser, string? table) =>
        [.. await browser.EvalAsync<string[]>($"Array.from(document.getElementById('{table}').tBodies[0].rows).filter(r => !r.hidden && r.getClientRects().length > 0).map(r => r.textContent)")];
}
