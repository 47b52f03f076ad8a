using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Results;

/// <summary>Writes <see cref="ExitMetrics"/> as <c>{"exit": k, "accuracy": …, …}</c> in metric order, and reads it back strictly.</summary>
public sealed class ExitMetricsJsonConverter : JsonConverter<ExitMetrics>
{
    private const string ExitKey = "exit";

    /// <inheritdoc />
    public override ExitMetrics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of per-exit metrics");
        }

        int? exit = null;
        var values = new List<MetricValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? throw new JsonException("expected a metric name");
            reader.Read();
            if (name == ExitKey)
            {
                exit = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var k) ? k : throw new JsonException("'exit' must be an integer");
                continue;
            }

            values.Add(reader.TokenType switch
            {
                JsonTokenType.Null => new MetricValue(name, null),
                JsonTokenType.Number when reader.TryGetDouble(out var v) && double.IsFinite(v) => new MetricValue(name, v),
                _ => throw new JsonException($"'{name}' must be a finite number or null"),
            });
        }

        return new ExitMetrics(exit ?? throw new JsonException("per-exit metrics without 'exit'"), values);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ExitMetrics value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber(ExitKey, value.Exit);
        foreach (var metric in value.Values)
        {
            writer.WritePropertyName(metric.Name);
            if (metric.Value is { } number)
            {
                JsonSerializer.Serialize(writer, number, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }
}
