using EarlyExitBench.Harness.Cli;

return Commands.Run(args);
