using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Writes <see cref="ExitMetrics"/> as <c>{"exit": k, "accuracy": …, …}</c> in metric order, and reads it back.</summary>
public sealed class ExitMetricsJsonConverter : JsonConverter<ExitMetrics>
{
    private const string ExitKey = "exit";

    /// <inheritdoc />
    public override ExitMetrics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of per-exit metrics.");
        }

        int? exit = null;
        var values = new List<MetricValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? throw new JsonException("Expected a metric name.");
            reader.Read();
            if (name == ExitKey)
            {
                exit = reader.GetInt32();
                continue;
            }

            values.Add(new MetricValue(name, reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble()));
        }

        return new ExitMetrics(exit ?? throw new JsonException("Per-exit metrics without 'exit'."), values);
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
