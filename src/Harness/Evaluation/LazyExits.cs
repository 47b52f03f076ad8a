using System.Collections;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Per-exit values (probability matrices, confidences) made when first read and kept until <see cref="Release"/>: a method
/// whose score reads the calibrated logits never makes its probabilities, and one that does holds them only while it is
/// scored. Safe to read from several threads; each value is made once.
/// </summary>
/// <typeparam name="T">What each exit holds.</typeparam>
public sealed class LazyExits<T> : IReadOnlyList<T>
{
    private readonly Func<int, T> _create;
    private readonly Lazy<T>?[] _cells;

    /// <summary>Creates the list.</summary>
    /// <param name="count">Number of exits.</param>
    /// <param name="create">Makes exit k's value; an exception it throws is rethrown to every reader of that exit.</param>
    public LazyExits(int count, Func<int, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _create = create;
        _cells = new Lazy<T>?[count];
    }

    /// <inheritdoc />
    public int Count => _cells.Length;

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            var cell = Volatile.Read(ref _cells[index]);
            if (cell is null)
            {
                Interlocked.CompareExchange(ref _cells[index], new Lazy<T>(() => _create(index)), null);
                cell = Volatile.Read(ref _cells[index])!;
            }

            return cell.Value;
        }
    }

    /// <summary>Drops exit <paramref name="exit"/>'s value, if made; a later read makes it again.</summary>
    /// <param name="exit">The exit, 0-based.</param>
    public void Release(int exit) => Volatile.Write(ref _cells[exit], null);

    /// <summary>Drops every value made so far; a later read makes it again.</summary>
    public void Release()
    {
        for (var k = 0; k < _cells.Length; k++)
        {
            Volatile.Write(ref _cells[k], null);
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var k = 0; k < _cells.Length; k++)
        {
            yield return this[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
