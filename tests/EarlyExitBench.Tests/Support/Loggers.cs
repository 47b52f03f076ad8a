using Serilog;

namespace EarlyExitBench.Tests.Support;

internal static class Loggers
{
    public static ILogger Silent { get; } = new LoggerConfiguration().CreateLogger();
}
