namespace EarlyExitBench.Contracts;

/// <summary>
/// A dense row-major matrix of one exit's outputs: one row per sample, one column per class
/// (logits or probabilities).
/// </summary>
public sealed class ClassMatrix
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    /// <param name="values">Row-major values; length must be rows × columns.</param>
    /// <param name="rows">Number of samples.</param>
    /// <param name="columns">Number of classes.</param>
    public ClassMatrix(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"Expected {rows}×{columns} = {(long)rows * columns} values, got {values.Length}.", nameof(values));
        }

        _values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of samples.</summary>
    public int Rows { get; }

    /// <summary>Number of classes.</summary>
    public int Columns { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The values of one sample.</summary>
    /// <param name="row">Sample index.</param>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>One value.</summary>
    /// <param name="row">Sample index.</param>
    /// <param name="column">Class index.</param>
    public float this[int row, int column] => _values[(row * Columns) + column];
}
