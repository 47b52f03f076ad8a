using System.IO.Hashing;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>
/// Reads through to another stream and keeps the CRC-32 of every byte read, so an .npz entry is checked against the
/// checksum in its zip directory as it is read (.NET's zip reader does not check stored entries).
/// </summary>
internal sealed class Crc32Stream(Stream inner) : Stream
{
    private readonly Crc32 _crc = new();

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>CRC-32 of the bytes read so far.</summary>
    public uint Crc => _crc.GetCurrentHashAsUInt32();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _crc.Append(buffer[..read]);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
