using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Reporting.Web;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>
/// Third-party JavaScript is pinned, licensed and exactly what we ship: VENDORED.md's table agrees with the npm lock file,
/// the licence files and the bytes of the shipped files, and the script the pages carry starts with those bytes.
/// </summary>
public class VendoredScriptTests
{
    private static readonly string Vendor = Path.Combine(TestPaths.RepoRoot, "src", "Harness", "Reporting", "Web", "vendor");

    [Fact]
    public void EveryVendoredFileIsPinnedLicensedAndHashed()
    {
        var rows = Regex.Matches(File.ReadAllText(Path.Combine(Vendor, "VENDORED.md")), @"^\| (?<name>[a-z0-9@/._-]+) \| (?<version>[0-9.]+) \| (?<licence>[^|]+) \| (?<licenceFile>[^|]+) \| (?<file>[^|]+) \| (?<sha>[0-9a-f]{64}) \|$", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(Vendor, "package-lock.json")))!;
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(Vendor, "package.json")))!;
        foreach (Match row in rows)
        {
            var name = row.Groups["name"].Value;
            var version = row.Groups["version"].Value;

            // Pinned exactly in package.json, and the lock file resolved that version with an integrity hash.
            Assert.Equal(version, (string?)package["dependencies"]![name]);
            var locked = lockFile["packages"]![$"node_modules/{name}"]!;
            Assert.Equal(version, (string?)locked["version"]);
            Assert.StartsWith("sha512-", (string?)locked["integrity"], StringComparison.Ordinal);
            Assert.Equal(row.Groups["licence"].Value.Trim(), (string?)locked["license"]);

            Assert.Contains("Permission is hereby granted", File.ReadAllText(Path.Combine(Vendor, row.Groups["licenceFile"].Value.Trim())), StringComparison.Ordinal);
            var shipped = File.ReadAllBytes(Path.Combine(Vendor, row.Groups["file"].Value.Trim()));
            Assert.Equal(row.Groups["sha"].Value, Convert.ToHexStringLower(SHA256.HashData(shipped)));
            Assert.Contains($"{name} v{version}", System.Text.Encoding.UTF8.GetString(shipped), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThePagesScriptIsTheVendoredFileThenOurOwn()
    {
        var tablesort = File.ReadAllText(Path.Combine(Vendor, "tablesort.min.js")).TrimEnd();
        var own = File.ReadAllText(Path.Combine(Vendor, "..", "assets", "eeb.js"));

        Assert.Equal(tablesort + "\n" + own, WebAssets.Script);
        Assert.Equal(File.ReadAllText(Path.Combine(Vendor, "..", "assets", "eeb.css")), WebAssets.Css);

        // Our own behaviour stays small (the rule for unvendored script in SITE-DESIGN: about 150 lines at most).
        Assert.InRange(own.Split('\n').Length, 1, 150);
    }
}
