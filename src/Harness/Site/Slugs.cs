using System.Text;

namespace EarlyExitBench.Harness.Site;

/// <summary>File names for pages: lower-case letters, digits and single dashes, unique within a set.</summary>
public sealed class Slugs
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>A slug of <paramref name="text"/> not given before by this instance (<c>-2</c>, <c>-3</c>… appended where needed).</summary>
    public string Take(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = Of(text);
        var candidate = slug;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    /// <summary><paramref name="text"/> in lower case, every run of other characters than ASCII letters and digits one dash.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "x" : slug;
    }
}
