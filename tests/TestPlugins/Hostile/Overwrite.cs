using System.Runtime.InteropServices;

namespace TestPlugin.Hostile;

/// <summary>Every way a plugin could write through what it is handed without unsafe code: casts back to arrays and lists, and the array behind a memory.</summary>
public static class Overwrite
{
    /// <summary>Writes <paramref name="value"/> into the array behind <paramref name="memory"/> if it can reach one; true when it did.</summary>
    public static bool Memory<T>(ReadOnlyMemory<T> memory, T value)
    {
        if (!MemoryMarshal.TryGetArray(memory, out var segment) || segment.Array is null)
        {
            return false;
        }

        Array.Fill(segment.Array, value, segment.Offset, segment.Count);
        return true;
    }

    /// <summary>Replaces every element of <paramref name="list"/> with <paramref name="value"/> if the list can be cast to a writable one; true when it did.</summary>
    public static bool List<T>(IReadOnlyList<T> list, T value)
    {
        // Not IsReadOnly: an array says true there, yet its indexer writes.
        if (list is not IList<T> writable)
        {
            return false;
        }

        try
        {
            for (var i = 0; i < writable.Count; i++)
            {
                writable[i] = value;
            }

            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
