using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// A fact that needs Debian's chromium (<see cref="SiteBrowser.Executable"/>): skipped, saying what to install, only where
/// it is missing. ./test.sh installs it and CI has it, so there these tests always run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Skips the test when <see cref="SiteBrowser.Executable"/> is not there.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(SiteBrowser.Executable))
        {
            Skip = $"{SiteBrowser.Executable} is missing: ./test.sh installs Debian's 'chromium' package (apt-get install chromium); the tests never download a browser";
        }
    }
}
