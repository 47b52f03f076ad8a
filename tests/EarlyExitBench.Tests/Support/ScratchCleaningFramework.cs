using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("EarlyExitBench.Tests.Support.ScratchCleaningFramework", "EarlyExitBench.Tests")]

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// xUnit's own framework, plus one step: when every test of the assembly has run, and before xUnit reports the assembly
/// finished (a runner may stop the test host right after that report), this run's scratch root is deleted.
/// </summary>
public sealed class ScratchCleaningFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        // async void as in the method it overrides: xUnit reports completion through the message sink, not a task.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync().ConfigureAwait(false);
        }
    }

    private sealed class Runner(
        ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            TestPaths.CleanUpRun();
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
