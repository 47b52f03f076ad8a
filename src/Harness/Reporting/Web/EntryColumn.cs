using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// An extra column of a <see cref="SettingPage"/>'s ranking, after the method's columns: what the site adds per entry
/// (its submission, its verification status). <paramref name="Cell"/> is called once per entry of the group, in rank order.
/// </summary>
/// <param name="Column">The column (its key must not be one of the ranking's own).</param>
/// <param name="Cell">The entry's cell.</param>
public sealed record EntryColumn(TableColumn Column, Func<EntryResult, TableCell> Cell);
