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
    /// <exception cref="OptionsException">Names the offending key, with suggestions.</exception>
    public static object Bind(Type optionsType, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        ArgumentNullException.ThrowIfNull(options);
        var known = optionsType.GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToList();
        foreach (var (key, _) in options)
        {
            if (!known.Contains(key))
            {
                var accepted = known.Count == 0 ? "it takes no options" : "it takes " + string.Join(", ", known);
                throw new OptionsException($"unknown option '{key}'{Suggestions.DidYouMean(key, known)} ({accepted})");
            }
        }

        try
        {
            return options.Deserialize(optionsType, Json) ?? Activator.CreateInstance(optionsType)!;
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 2 } p ? p[2..] : "options";
            throw new OptionsException($"option '{path}' has the wrong type: {ex.Message.Split(". Path:")[0]}");
        }
    }
}

/// <summary>Options that do not bind to a plugin's options class.</summary>
public sealed class OptionsException(string message) : Exception(message);
