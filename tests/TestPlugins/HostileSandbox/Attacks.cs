using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace TestPlugin.HostileSandbox;

/// <summary>The attacks. Each returns normally only if it got through; a refused attempt throws with the system's reason.</summary>
internal static class Attacks
{
    private static readonly List<byte[]> Hoard = [];

    public static void OpenSocket(HostileOptions options)
    {
        using var client = new TcpClient();
        client.Connect("127.0.0.1", options.Port);
        client.GetStream().Write(Encoding.UTF8.GetBytes("exfiltrated\n"));
    }

    public static void WriteOutside(HostileOptions options)
    {
        var beside = Path.Combine(Path.GetDirectoryName(typeof(Attacks).Assembly.Location)!, "planted.txt");
        var refused = new List<string>();
        foreach (var path in new[] { options.Target, beside })
        {
            try
            {
                File.WriteAllText(path, "planted by a plugin");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                refused.Add($"{path}: {ex.Message}");
            }
        }

        if (refused.Count == 2)
        {
            throw new IOException("could not write outside scratch: " + string.Join("; ", refused));
        }
    }

    public static void ReadSecret(HostileOptions options) =>
        throw new InvalidOperationException("stole " + File.ReadAllText(options.Target).Trim());

    public static void ForkForever(HostileOptions options)
    {
        while (true)
        {
            Process.Start("/bin/sleep", "613");
        }
    }

    public static void AllocateForever(HostileOptions options)
    {
        while (true)
        {
            var block = new byte[16 << 20];
            Array.Fill(block, (byte)1);
            Hoard.Add(block);
        }
    }

    public static void SpinForever(HostileOptions options)
    {
        var spins = 0L;
        while (spins >= 0)
        {
            spins = (spins + 1) % long.MaxValue;
        }
    }
}
