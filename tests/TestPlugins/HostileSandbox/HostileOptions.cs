namespace TestPlugin.HostileSandbox;

/// <summary>Where an attack aims, from the suite.</summary>
public sealed class HostileOptions
{
    /// <summary>A file to write or read outside the sandbox's scratch folder.</summary>
    public string Target { get; set; } = "/nonexistent";

    /// <summary>A TCP port on the host's loopback to connect to.</summary>
    public int Port { get; set; }
}
