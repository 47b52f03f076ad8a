using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// Refuses suites whose aliases expand to a huge tree (the "billion laughs": nine nested lists of ten aliases each) or
/// nest absurdly deep, before anything walks them recursively; a real suite has a few hundred values.
/// </summary>
internal static class ExpansionGuard
{
    public const long MaxValues = 100_000;
    public const int MaxDepth = 64;

    /// <summary>An error at the offending node, or null when the document is a sane size.</summary>
    public static SuiteError? Check(YamlNode root, string file)
    {
        var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        var open = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(YamlNode Node, int Depth, bool Done)>();
        stack.Push((root, 1, false));
        while (stack.Count > 0)
        {
            var (node, depth, done) = stack.Pop();
            if (done)
            {
                open.Remove(node);
                var size = Math.Min(MaxValues + 1, 1 + Children(node).Sum(c => sizes[c]));
                sizes[node] = size;
                if (size > MaxValues)
                {
                    return Error(node, file, $"this value expands to more than {MaxValues} values through aliases ('*name'); a suite is never that large");
                }

                continue;
            }

            if (sizes.ContainsKey(node))
            {
                continue;
            }

            if (depth > MaxDepth)
            {
                return Error(node, file, $"values nest more than {MaxDepth} levels deep here");
            }

            open.Add(node);
            stack.Push((node, depth, true));
            foreach (var child in Children(node).Where(c => !sizes.ContainsKey(c)))
            {
                if (open.Contains(child))
                {
                    return Error(child, file, "this alias refers to a value that contains it; a suite cannot be recursive");
                }

                stack.Push((child, depth + 1, false));
            }
        }

        return null;
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
        YamlSequenceNode seq => seq.Children,
        _ => [],
    };

    private static SuiteError Error(YamlNode node, string file, string message) => new(new SourceLocation(file, node.Start.Line, node.Start.Column), message);
}
