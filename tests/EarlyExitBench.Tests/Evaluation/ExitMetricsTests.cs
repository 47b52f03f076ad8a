using System.Text.Json;
using EarlyExitBench.Harness.Evaluation;
using StoredJson = EarlyExitBench.Harness.Storage.Json;

namespace EarlyExitBench.Tests.Evaluation;

public class ExitMetricsTests
{
    [Fact]
    public void WrittenFlatInOrderAndReadBack()
    {
        var metrics = new ExitMetrics(2, [new("accuracy", 0.5), new("auroc", null), new("a_plugin_metric", 1.25)]);

        var json = JsonSerializer.Serialize(metrics, StoredJson.Options);
        var back = JsonSerializer.Deserialize<ExitMetrics>(json, StoredJson.Options);

        Assert.Equal("{\n  \"exit\": 2,\n  \"accuracy\": 0.5,\n  \"auroc\": null,\n  \"a_plugin_metric\": 1.25\n}", json.ReplaceLineEndings("\n"));
        Assert.Equal(metrics, back);
        Assert.Equal(0.5, back!.Accuracy);
        Assert.Null(back.Auroc);
        Assert.Null(back["not_computed"]);
    }
}
