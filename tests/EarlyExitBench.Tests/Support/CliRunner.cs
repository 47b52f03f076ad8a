using EarlyExitBench.Harness.Cli;

namespace EarlyExitBench.Tests.Support;

/// <summary>Runs the CLI entry in process, capturing stdout and stderr; callers belong to the "Console" collection.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            return (Commands.Run(args, stdout), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
