using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Results;

/// <summary>The records of <c>Results/</c> and <c>schemas/leaderboard.schema.json</c> describe the same keys, object by object.</summary>
public class PublishedFormatTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "schemas", "leaderboard.schema.json")))!.AsObject();

    [Fact]
    public void EveryRecordHasTheKeysOfItsSchemaObject()
    {
        var checkedObjects = new List<string>();
        var mismatches = new List<string>();
        Walk(typeof(LeaderboardDocument), Schema, "$", checkedObjects, mismatches);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));

        // The walk reached the nested records, not just the top: groups, entries, efficiency, seeds, exits, fits, diagrams.
        Assert.Contains("$.groups[].entries[].efficiency.oracle", checkedObjects);
        Assert.Contains("$.groups[].entries[].per_seed[].pareto_front[]", checkedObjects);
        Assert.Contains("$.groups[].reliability[].per_exit[]", checkedObjects);
        Assert.Contains("$.provenance.plugins[]", checkedObjects);
        Assert.Contains("$.groups[].proxy_correlation_by_policy{}{}", checkedObjects);
    }

    private static void Walk(Type type, JsonNode? schema, string path, List<string> checkedObjects, List<string> mismatches)
    {
        schema = Resolve(schema);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (schema is not JsonObject rules || type == typeof(string) || type.IsPrimitive || type == typeof(object) || type.GetCustomAttribute<JsonConverterAttribute>() is not null)
        {
            return;
        }

        if (Element(type) is { } element)
        {
            Walk(element, rules["items"], path + "[]", checkedObjects, mismatches);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            Walk(type.GetGenericArguments()[1], rules["additionalProperties"], path + "{}", checkedObjects, mismatches);
            return;
        }

        if (rules["properties"] is not JsonObject properties)
        {
            return; // an object the schema leaves open (environment, timing's phases and measurements): the reader's binding closes it
        }

        checkedObjects.Add(path);
        var keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always } && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p => p.PropertyType);
        foreach (var missing in properties.Select(p => p.Key).Except(keys.Keys))
        {
            mismatches.Add($"{path}: the schema has '{missing}', {type.Name} does not");
        }

        foreach (var (key, propertyType) in keys)
        {
            if (properties[key] is { } child)
            {
                Walk(propertyType, child, $"{path}.{key}", checkedObjects, mismatches);
            }
            else
            {
                mismatches.Add($"{path}: {type.Name} has '{key}', the schema does not");
            }
        }
    }

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : null;

    private static JsonNode? Resolve(JsonNode? schema) =>
        schema is JsonObject o && o["$ref"] is { } reference ? Resolve(Schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]) : schema;
}
