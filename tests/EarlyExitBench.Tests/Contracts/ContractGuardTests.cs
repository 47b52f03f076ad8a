using EarlyExitBench.Contracts;
using EarlyExitBench.Tests.Plugins;
using static EarlyExitBench.Tests.Support.Guards;

namespace EarlyExitBench.Tests.Contracts;

/// <summary>
/// The argument checks of the public Contracts API: the exception type, the parameter it names and, where the message
/// carries numbers, the message. A plugin author meets these first, so they are part of the contract.
/// </summary>
public class ContractGuardTests
{
    [Fact]
    public void ClassMatrixRejectsEachBadShapeNamingItsParameter()
    {
        NamesNull("values", () => new ClassMatrix(null!, 1, 1));

        // −1 × 3 ≠ 0 values too, so only the rows check itself throws the out-of-range type.
        NamesOutOfRange("rows", () => new ClassMatrix([], -1, 3));

        // 5 × 0 = 0 values would pass the length check.
        NamesOutOfRange("columns", () => new ClassMatrix([], 5, 0));

        Rejects("Expected 2×3 = 6 values, got 5.", "values", () => new ClassMatrix(new float[5], 2, 3));

        var empty = new ClassMatrix([], 0, 4);
        Assert.Equal((0, 4), (empty.Rows, empty.Columns));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, -2)]
    public void ConfidenceBinsNeedAtLeastOneBin(double p, int bins) =>
        NamesOutOfRange("bins", () => ConfidenceBins.EqualWidthIndex(p, bins));

    [Fact]
    public void SoftmaxChecksItsMatrixAndTemperature()
    {
        NamesNull("logits", () => Probabilities.Softmax(null!));
        var logits = new ClassMatrix([1f, 2f], 1, 2);
        NamesOutOfRange("temperature", () => Probabilities.Softmax(logits, 0));
        NamesOutOfRange("temperature", () => Probabilities.Softmax(logits, -1));
    }

    [Theory]
    [InlineData(0, 0)]   // an empty row
    [InlineData(3, 2)]   // a destination too short: it would be written past its end
    [InlineData(3, 4)]
    [InlineData(12, 11)] // the vector path (8 lanes and more)
    public void ShiftedExponentialsNeedANonEmptyRowAndAnEqualDestination(int count, int destination)
    {
        Rejects("Expected a non-empty row and a destination of the same length.", "exponentials",
            () => Probabilities.ShiftedExponentials(new float[count], new float[destination], out _));
    }

    [Fact]
    public void SoftmaxRowNeedsAnEqualDestination()
    {
        Rejects("Destination length must match the logits.", "destination", () => Probabilities.SoftmaxRow([1f, 2f, 3f], 1.0, new double[2]));
    }

    [Fact]
    public void TheOptionlessAddChecksItsArgumentsWhenCalled()
    {
        var info = new PluginInfo("guarded", "A plugin that is never built.");
        NamesNull("registrar", () => PluginRegistrarExtensions.Add<ICalibrator>(null!, info, _ => throw new InvalidOperationException()));

        // Checked at registration, not later when the factory would first be called.
        var registrar = new RecordingRegistrar();
        NamesNull("factory", () => registrar.Add<ICalibrator>(info, (Func<PluginContext, ICalibrator>)null!));
        Assert.Empty(registrar.Entries);
    }
}
