using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EarlyExitBench.Harness.Results;

/// <summary>
/// <c>schemas/leaderboard.schema.json</c>, embedded in eebench, checked against a document: every violation with the JSON
/// path of the value it concerns. It implements the JSON Schema keywords that file uses (type, const, enum, properties,
/// required, additionalProperties, patternProperties, items, minItems, maxItems, minimum, maximum, exclusiveMinimum,
/// minLength, pattern, $ref to #/$defs); a keyword it does not know fails the check of the schema itself, so the file cannot grow
/// one unchecked.
/// </summary>
internal static class PublishedSchema
{
    /// <summary>The resource name of the embedded schema (Harness.csproj).</summary>
    public const string ResourceName = "EarlyExitBench.leaderboard.schema.json";

    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];

    private static readonly Lazy<JsonObject> Schema = new(() => Load(ResourceName));

    /// <summary>The resource name of the embedded submission manifest schema (<c>schemas/submission.schema.json</c>).</summary>
    public const string SubmissionResourceName = "EarlyExitBench.submission.schema.json";

    private static readonly Lazy<JsonObject> SubmissionSchema = new(() => Load(SubmissionResourceName));

    /// <summary>Every place <paramref name="root"/> breaks the schema; lines from <paramref name="lines"/> where known.</summary>
    public static List<ReadProblem> Check(JsonElement root, IReadOnlyDictionary<string, int> lines) => Check(Schema.Value, root, lines);

    /// <summary>Every place <paramref name="root"/> breaks the submission manifest schema; lines from <paramref name="lines"/> where known.</summary>
    public static List<ReadProblem> CheckSubmission(JsonElement root, IReadOnlyDictionary<string, int> lines) => Check(SubmissionSchema.Value, root, lines);

    private static List<ReadProblem> Check(JsonObject schema, JsonElement root, IReadOnlyDictionary<string, int> lines)
    {
        var problems = new List<(string Path, string Message)>();
        Check(schema, schema, root, JsonPath.Root, problems);
        return problems.Select(p => new ReadProblem(p.Path, lines.TryGetValue(p.Path, out var line) ? line : null, p.Message)).ToList();
    }

    private static JsonObject Load(string resource)
    {
        using var stream = typeof(PublishedSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"eebench was built without its {resource}");
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static void Check(JsonObject document, JsonNode? schema, JsonElement value, string path, List<(string, string)> problems)
    {
        if (schema is JsonValue boolean && boolean.TryGetValue<bool>(out var allowed))
        {
            if (!allowed)
            {
                problems.Add((path, "unknown key: the published format has no such key here"));
            }

            return;
        }

        var rules = schema!.AsObject();
        if (rules["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>();
            const string Prefix = "#/$defs/";
            Check(document, document["$defs"]![name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : throw Unsupported(name)], value, path, problems);
        }

        if (rules["type"] is { } type && !TypeMatches(type, value))
        {
            problems.Add((path, $"expected {Describe(type)}, found {Found(value)}"));
            return;
        }

        foreach (var (keyword, argument) in rules)
        {
            switch (keyword)
            {
                case "$ref" or "type" or "properties" or "additionalProperties" or "patternProperties" or "items":
                    break;
                case "const" when !JsonNode.DeepEquals(argument, JsonNode.Parse(value.GetRawText())):
                    problems.Add((path, $"must be {argument!.ToJsonString()}, found {Found(value)}"));
                    break;
                case "enum" when !argument!.AsArray().Any(a => JsonNode.DeepEquals(a, JsonNode.Parse(value.GetRawText()))):
                    problems.Add((path, $"must be one of {argument.ToJsonString()}, found {Found(value)}"));
                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var key in argument!.AsArray().Select(k => k!.GetValue<string>()).Where(k => !value.TryGetProperty(k, out _)))
                    {
                        problems.Add((path, $"required key '{key}' is missing"));
                    }

                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < argument!.GetValue<int>():
                    problems.Add((path, $"needs at least {argument.GetValue<int>()} item(s), found {value.GetArrayLength()}"));
                    break;
                case "maxItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > argument!.GetValue<int>():
                    problems.Add((path, $"allows at most {argument.GetValue<int>()} item(s), found {value.GetArrayLength()}"));
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number && Number(value) is { } n && n < argument!.GetValue<double>():
                    problems.Add((path, FormattableString.Invariant($"must be at least {argument.GetValue<double>()}, found {value.GetRawText()}")));
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number && Number(value) is { } n && n > argument!.GetValue<double>():
                    problems.Add((path, FormattableString.Invariant($"must be at most {argument.GetValue<double>()}, found {value.GetRawText()}")));
                    break;
                case "exclusiveMinimum" when value.ValueKind == JsonValueKind.Number && Number(value) is { } n && n <= argument!.GetValue<double>():
                    problems.Add((path, FormattableString.Invariant($"must be greater than {argument.GetValue<double>()}, found {value.GetRawText()}")));
                    break;
                case "minLength" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length < argument!.GetValue<int>():
                    problems.Add((path, $"needs at least {argument.GetValue<int>()} character(s), found {Found(value)}"));
                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, argument!.GetValue<string>()):
                    problems.Add((path, $"must match {argument.GetValue<string>()}, found {Found(value)}"));
                    break;
                case "const" or "enum" or "required" or "minItems" or "maxItems" or "minimum" or "maximum" or "exclusiveMinimum" or "minLength" or "pattern":
                    break;
                case var other when Annotations.Contains(other):
                    break;
                default:
                    throw Unsupported(keyword);
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = rules["properties"]?.AsObject();
            var patterns = rules["patternProperties"]?.AsObject();
            foreach (var member in value.EnumerateObject())
            {
                var at = JsonPath.Member(path, member.Name);
                var matched = false;
                if (properties is not null && properties.TryGetPropertyValue(member.Name, out var property))
                {
                    Check(document, property, member.Value, at, problems);
                    matched = true;
                }

                foreach (var (pattern, patternSchema) in patterns ?? [])
                {
                    if (Regex.IsMatch(member.Name, pattern))
                    {
                        Check(document, patternSchema, member.Value, at, problems);
                        matched = true;
                    }
                }

                if (!matched && rules["additionalProperties"] is { } additional)
                {
                    Check(document, additional, member.Value, at, problems);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && rules["items"] is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(document, items, item, JsonPath.Item(path, index++), problems);
            }
        }
    }

    private static bool TypeMatches(JsonNode type, JsonElement value) =>
        type is JsonArray any ? any.Any(t => TypeMatches(t!, value)) : type.GetValue<string>() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            var other => throw Unsupported($"type {other}"),
        };

    private static double? Number(JsonElement value) => value.TryGetDouble(out var n) && double.IsFinite(n) ? n : null;

    private static string Describe(JsonNode type) =>
        type is JsonArray any ? string.Join(" or ", any.Select(t => Article(t!.GetValue<string>()))) : Article(type.GetValue<string>());

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };

    private static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Shorten(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "an array",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");

    private static InvalidOperationException Unsupported(string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"a schema under schemas/ uses '{what}', which eebench's schema check does not implement"));
}
