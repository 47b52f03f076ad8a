namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The site's shared stylesheet and script, written once under <c>assets/</c> and linked from every page. The script is
/// our own (no third-party code): it sorts a <c>data-sortable</c> table when a header is clicked (numbers by their
/// <c>data-value</c>, <c>aria-sort</c> set), hides the rows a filter box does not match, and shows a chart point's
/// <c>data-tip</c> in the single <c>#eeb-tip</c> on hover or focus.
/// </summary>
internal static class SiteAssets
{
    /// <summary>The stylesheet's path in the site.</summary>
    public const string CssPath = "assets/eeb.css";

    /// <summary>The script's path in the site.</summary>
    public const string ScriptPath = "assets/eeb.js";

    /// <summary>The stylesheet.</summary>
    public const string Css = """
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --mark: #fff8c5; --link: #0550ae; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 0 1rem 3rem; font: 15px/1.45 system-ui, sans-serif; color: var(--fg); }
        a { color: var(--link); }
        .eeb-nav ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: .8rem 0; margin: 0; border-bottom: 1px solid var(--line); }
        header h1 { margin: 1rem 0 .2rem; font-size: 1.6rem; }
        .caption, caption { color: var(--muted); font-size: .9rem; text-align: left; }
        .note { background: var(--mark); padding: .5rem .8rem; border-radius: 4px; }
        .eeb-scroll { overflow-x: auto; max-width: 100%; }
        table.eeb-table { border-collapse: collapse; margin: .5rem 0 1.2rem; font-size: .88rem; }
        .eeb-table th, .eeb-table td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; }
        .eeb-table th { position: sticky; top: 0; background: #f6f8fa; cursor: pointer; text-align: left; white-space: nowrap; user-select: none; }
        .eeb-table th[aria-sort="ascending"]::after { content: " ▲"; }
        .eeb-table th[aria-sort="descending"]::after { content: " ▼"; }
        .eeb-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .eeb-filter { width: min(24rem, 100%); padding: .3rem .5rem; }
        figure.eeb-figure { margin: .5rem 0 1rem; max-width: 760px; }
        svg.eeb-chart { width: 100%; height: auto; font-size: 11px; }
        svg.eeb-chart .title { text-anchor: middle; font-weight: 600; font-size: 12px; }
        svg.eeb-chart .tick { text-anchor: middle; fill: var(--muted); }
        svg.eeb-chart .tick.y, svg.eeb-chart .row { text-anchor: end; }
        svg.eeb-chart .label { text-anchor: middle; fill: var(--muted); }
        svg.eeb-chart .grid { stroke: #eaeef2; }
        svg.eeb-chart .axis { stroke: var(--muted); }
        svg.eeb-chart .ref { stroke: var(--muted); stroke-dasharray: 4 3; }
        svg.eeb-chart .ci { stroke: #1f77b4; stroke-width: 2; opacity: .55; }
        svg.eeb-chart .pt:hover, svg.eeb-chart .pt:focus { stroke: #000; stroke-width: 1.5; outline: none; }
        #eeb-tip { position: fixed; z-index: 10; pointer-events: none; background: #24292f; color: #fff; padding: .25rem .5rem; border-radius: 4px; font-size: .8rem; max-width: 28rem; }
        #eeb-tip[hidden] { display: none; }
        @media print { .eeb-nav, .eeb-filter-box { display: none; } figure { break-inside: avoid; } }

        """;

    /// <summary>The script.</summary>
    public const string Script = """
        (function () {
          'use strict';
          function number(cell) {
            var v = cell ? cell.getAttribute('data-value') : null;
            var x = v === null ? NaN : parseFloat(v);
            return isNaN(x) ? null : x;
          }
          function sort(table, th) {
            var headers = Array.prototype.slice.call(th.parentNode.children);
            var index = headers.indexOf(th);
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var numeric = th.hasAttribute('data-numeric');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows).map(function (row, i) { return { row: row, i: i }; });
            rows.sort(function (a, b) {
              var c;
              if (numeric) {
                var x = number(a.row.cells[index]), y = number(b.row.cells[index]);
                if (x === null || y === null) { return x === y ? a.i - b.i : (x === null ? 1 : -1); }
                c = x - y;
              } else {
                c = a.row.cells[index].textContent.localeCompare(b.row.cells[index].textContent);
              }
              return (ascending ? c : -c) || a.i - b.i;
            });
            rows.forEach(function (r) { body.appendChild(r.row); });
          }
          document.querySelectorAll('table.eeb-table[data-sortable] th[data-key]').forEach(function (th) {
            var table = th.closest('table');
            th.addEventListener('click', function () { sort(table, th); });
            th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(table, th); } });
          });
          document.querySelectorAll('input.eeb-filter[data-table]').forEach(function (input) {
            var table = document.getElementById(input.getAttribute('data-table'));
            if (!table) { return; }
            input.addEventListener('input', function () {
              var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
              Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                var text = row.textContent.toLowerCase();
                row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
              });
            });
          });
          var tip = document.getElementById('eeb-tip');
          function show(e) {
            var target = e.target.closest ? e.target.closest('[data-tip]') : null;
            if (!tip || !target) { return; }
            tip.textContent = target.getAttribute('data-tip');
            tip.hidden = false;
            var box = target.getBoundingClientRect();
            var x = e.clientX !== undefined && e.type !== 'focusin' ? e.clientX : box.left + box.width / 2;
            var y = e.clientY !== undefined && e.type !== 'focusin' ? e.clientY : box.top;
            tip.style.left = Math.max(4, Math.min(x + 12, window.innerWidth - tip.offsetWidth - 4)) + 'px';
            tip.style.top = Math.max(4, y - tip.offsetHeight - 10) + 'px';
          }
          function hide(e) {
            if (tip && e.target.closest && e.target.closest('[data-tip]')) { tip.hidden = true; }
          }
          document.querySelectorAll('svg.eeb-chart').forEach(function (svg) {
            svg.addEventListener('mouseover', show);
            svg.addEventListener('mousemove', show);
            svg.addEventListener('focusin', show);
            svg.addEventListener('mouseout', hide);
            svg.addEventListener('focusout', hide);
          });
        }());

        """;
}
