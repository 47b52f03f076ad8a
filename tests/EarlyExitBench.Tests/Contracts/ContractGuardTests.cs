using EarlyExitBench.Contracts;
using EarlyExitBench.Tests.Plugins;

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
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => new ClassMatrix(null!, 1, 1)).ParamName);

        // −1 × 3 ≠ 0 values too, so only the rows check itself throws the out-of-range type.
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => new ClassMatrix([], -1, 3)).ParamName);

        // 5 × 0 = 0 values would pass the length check.
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => new ClassMatrix([], 5, 0)).ParamName);

        var mismatch = Assert.Throws<ArgumentException>(() => new ClassMatrix(new float[5], 2, 3));
        Assert.Equal("values", mismatch.ParamName);
        Assert.StartsWith("Expected 2×3 = 6 values, got 5.", mismatch.Message, StringComparison.Ordinal);

        var empty = new ClassMatrix([], 0, 4);
        Assert.Equal((0, 4), (empty.Rows, empty.Columns));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, -2)]
    public void ConfidenceBinsNeedAtLeastOneBin(double p, int bins) =>
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBins.EqualWidthIndex(p, bins)).ParamName);

    [Fact]
    public void SoftmaxChecksItsMatrixAndTemperature()
    {
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() => Probabilities.Softmax(null!)).ParamName);
        var logits = new ClassMatrix([1f, 2f], 1, 2);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Probabilities.Softmax(logits, 0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Probabilities.Softmax(logits, -1)).ParamName);
    }

    [Theory]
    [InlineData(0, 0)]   // an empty row
    [InlineData(3, 2)]   // a destination too short: it would be written past its end
    [InlineData(3, 4)]
    [InlineData(12, 11)] // the vector path (8 lanes and more)
    public void ShiftedExponentialsNeedANonEmptyRowAndAnEqualDestination(int count, int destination)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Probabilities.ShiftedExponentials(new float[count], new float[destination], out _));
        Assert.Equal("exponentials", error.ParamName);
        Assert.StartsWith("Expected a non-empty row and a destination of the same length.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SoftmaxRowNeedsAnEqualDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => Probabilities.SoftmaxRow([1f, 2f, 3f], 1.0, new double[2]));
        Assert.Equal("destination", error.ParamName);
        Assert.StartsWith("Destination length must match the logits.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptionlessAddChecksItsArgumentsWhenCalled()
    {
        var info = new PluginInfo("guarded", "A plugin that is never built.");
        Assert.Equal("registrar", Assert.Throws<ArgumentNullException>(() =>
            PluginRegistrarExtensions.Add<ICalibrator>(null!, info, _ => throw new InvalidOperationException())).ParamName);

        // Checked at registration, not later when the factory would first be called.
        var registrar = new RecordingRegistrar();
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() =>
            registrar.Add<ICalibrator>(info, (Func<PluginContext, ICalibrator>)null!)).ParamName);
        Assert.Empty(registrar.Entries);
    }
}
