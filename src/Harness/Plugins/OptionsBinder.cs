using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>Binds a suite's <c>options:</c> mapping to a plugin's typed options class.</summary>
public static class OptionsBinder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Creates <paramref name="optionsType"/> from <paramref name="options"/>; unknown keys and wrong types are errors.</summary>
    /// <exception cref="OptionsException">Names every offending key, with suggestions.</exception>
    public static object Bind(Type optionsType, JsonObject options)
    {
        var problems = new List<OptionProblem>();
        var bound = BindValid(optionsType, options, problems);
        return problems.Count == 0 ? bound : throw new OptionsException(problems);
    }

    /// <summary>
    /// Binds the keys that are known and well typed, adding one problem per other key to <paramref name="problems"/>,
    /// so the plugin can still check the values it was given (every independent error in one pass).
    /// </summary>
    public static object BindValid(Type optionsType, JsonObject options, List<OptionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var known = optionsType.GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToList();
        var valid = new JsonObject();
        foreach (var (key, value) in options)
        {
            if (!known.Contains(key))
            {
                var accepted = known.Count == 0 ? "it takes no options" : "it takes " + string.Join(", ", known);
                problems.Add(new OptionProblem(key, $"unknown option '{key}'{Suggestions.DidYouMean(key, known)} ({accepted})"));
            }
            else if (TypeProblem(optionsType, new JsonObject { [key] = value?.DeepClone() }) is { } problem)
            {
                // One key at a time, so every wrongly typed option is reported, not only the first the serializer meets.
                problems.Add(problem with { Key = key });
            }
            else
            {
                valid[key] = value?.DeepClone();
            }
        }

        if (TypeProblem(optionsType, valid) is { } whole)
        {
            problems.Add(whole);
            return Activator.CreateInstance(optionsType)!;
        }

        return valid.Deserialize(optionsType, Json) ?? Activator.CreateInstance(optionsType)!;
    }

    private static OptionProblem? TypeProblem(Type optionsType, JsonObject options)
    {
        try
        {
            options.Deserialize(optionsType, Json);
            return null;
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 2 } p ? p[2..] : "options";
            return new OptionProblem(null, $"option '{path}' has the wrong type: {ex.Message.Split(". Path:")[0]}");
        }
    }
}
