namespace EarlyExitBench.Harness.Site;

/// <summary>Where one method placed in one ranking of one setting.</summary>
/// <param name="Setting">The setting.</param>
/// <param name="Table">The ranking (a setting shown side by side has several).</param>
/// <param name="Row">The method's row in it.</param>
public sealed record MethodPlacing(SiteSetting Setting, SiteTable Table, SiteRow Row)
{
    /// <summary>Entries in the ranking.</summary>
    public int Entries => Table.Rows.Count;

    /// <summary>
    /// <c>wins</c> (rank 1, or tied with the leader: the data do not show the leader ahead), <c>loses</c> (last, and not tied
    /// with the leader), otherwise <c>between</c>.
    /// </summary>
    public string Outcome => Row.Entry.Rank == 1 || Row.Entry.Efficiency.TiedWithLeader == true ? "wins"
        : Row.Entry.Rank == Table.Rows.Max(r => r.Entry.Rank) ? "loses"
        : "between";

    /// <summary>Every placing of <paramref name="method"/> in <paramref name="settings"/>, in setting order.</summary>
    public static IReadOnlyList<MethodPlacing> Of(IReadOnlyList<SiteSetting> settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SelectMany(s => s.Tables.SelectMany(t => t.Rows.Where(r => r.Method == method).Select(r => new MethodPlacing(s, t, r)))).ToList();
    }
}
