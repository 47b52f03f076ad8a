using System.Text;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// A sortable table, with a filter box when <paramref name="Filter"/> is set. The hooks the browser tests and the script
/// rely on: <c>&lt;table class="eeb-table" data-sortable&gt;</c>, header cells with <c>data-key</c> (click sorts, <c>aria-sort</c>
/// says how), numeric cells with <c>data-value</c>, and <c>&lt;input class="eeb-filter" data-table="ID"&gt;</c>, which hides the rows
/// that do not contain its text (<c>hidden</c>).
/// </summary>
/// <param name="Id">Page-unique id of the table (letters, digits, '-').</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, in the order shown before any sort.</param>
/// <param name="Filter">Whether to put a filter box above the table.</param>
/// <param name="Caption">A line under the table saying how to read it; null for none.</param>
public sealed record DataTable(string Id, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, bool Filter = false, string? Caption = null)
{
    /// <summary>Keep every cell on one line (the table scrolls sideways in its box instead): for tables of short values such as a ranking.</summary>
    public bool NoWrap { get; init; }

    /// <summary>The table as an HTML fragment.</summary>
    public string Render()
    {
        var html = new StringBuilder();
        Render(html);
        return html.ToString();
    }

    /// <summary>Appends the table to <paramref name="html"/>.</summary>
    public void Render(StringBuilder html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (Filter)
        {
            html.Append("<label class=\"eeb-filter-label\">filter <input class=\"eeb-filter\" type=\"search\" data-table=\"").Append(Html.E(Id))
                .Append("\" placeholder=\"method, calibrator, …\" aria-label=\"filter the rows of this table\"></label>\n");
        }

        html.Append(NoWrap ? "<div class=\"table-wrap nowrap\">" : "<div class=\"table-wrap\">").Append("<table class=\"eeb-table\" data-sortable id=\"").Append(Html.E(Id)).Append("\">\n<thead><tr>");
        foreach (var column in Columns)
        {
            html.Append("<th data-key=\"").Append(Html.E(column.Key)).Append('"');
            if (column.Numeric)
            {
                html.Append(" class=\"num\" data-sort-method=\"eeb-number\"");
            }

            if (column.Title is { } title)
            {
                html.Append(" title=\"").Append(Html.E(title)).Append('"');
            }

            html.Append('>').Append(Html.E(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            if (row.Cells.Count != Columns.Count)
            {
                throw new ArgumentException($"table {Id}: a row has {row.Cells.Count} cells for {Columns.Count} columns");
            }

            html.Append(row.Marked ? "<tr class=\"marked\">" : "<tr>");
            for (var i = 0; i < Columns.Count; i++)
            {
                var cell = row.Cells[i];
                html.Append("<td");
                if (Columns[i].Numeric)
                {
                    html.Append(" class=\"num\"");
                }

                if (cell.Value is { } value)
                {
                    html.Append(" data-value=\"").Append(Html.Raw(value)).Append('"');
                }

                html.Append('>');
                html.Append(cell.Href is { } href ? $"<a href=\"{Html.E(href)}\">{Html.E(cell.Text)}</a>" : Html.E(cell.Text));
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        if (Caption is { } caption)
        {
            html.Append("<p class=\"caption\">").Append(Html.E(caption)).Append("</p>\n");
        }
    }
}
