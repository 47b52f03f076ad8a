using EarlyExitBench.Harness.Cli;

namespace EarlyExitBench.Tests.Support;

/// <summary>Runs <see cref="Commands.Run"/> in process, capturing stdout, stderr and the console logger.</summary>
internal static class InProcess
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            return (Commands.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
