using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 file server on 127.0.0.1 (a TcpListener, one request per connection) for download tests: serves
/// <see cref="Files"/> by name, honours <c>Range: bytes=N-</c> with 206, answers 404 for anything else, and can drop the
/// connection after a number of body bytes (the headers still promise the whole file).
/// </summary>
internal sealed class FixtureHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FixtureHttpServer()
    {
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>File name → body bytes after which the next response for it is cut off (used once).</summary>
    public ConcurrentDictionary<string, int> DropAfter { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request as "name range" ("-" without a Range header), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/data";

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Answer(client));
        }
    }

    private async Task Answer(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHead(stream);
            var lines = head.Split("\r\n");
            var name = lines[0].Split(' ')[1].Split('/')[^1];
            var range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?["Range:".Length..].Trim();
            Requests.Enqueue($"{name} {range ?? "-"}");
            if (!Files.TryGetValue(name, out var body))
            {
                await Write(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ReadOnlyMemory<byte>.Empty);
                return;
            }

            var start = range is { } r && r.StartsWith("bytes=", StringComparison.Ordinal) ? long.Parse(r[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (start >= body.Length)
            {
                await Write(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{body.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ReadOnlyMemory<byte>.Empty);
                return;
            }

            var rest = body.AsMemory((int)start);
            var status = start > 0 ? $"206 Partial Content\r\nContent-Range: bytes {start}-{body.Length - 1}/{body.Length}" : "200 OK";
            var header = $"HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {rest.Length}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n";
            if (DropAfter.TryRemove(name, out var cut))
            {
                await Write(stream, header, rest[..Math.Min(cut, rest.Length)]);
                client.Client.LingerState = new LingerOption(true, 0); // reset, not a clean end: the client sees the break
                return;
            }

            await Write(stream, header, rest);
        }
    }

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private static async Task Write(NetworkStream stream, string header, ReadOnlyMemory<byte> body)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }
}
