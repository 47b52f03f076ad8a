using System.CommandLine;
using EarlyExitBench.Harness.Plugins;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench plugins</c>: kinds, aliases, assemblies, and plugins that failed to load.</summary>
internal static class PluginsCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("plugins", "List plugin kinds, aliases, assemblies and versions");
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var catalog = CliSupport.LoadCatalog(parse, [], logger);
            io.Out.WriteLine($"EarlyExitBench.Contracts {ContractsCompatibility.Host.ToString(3)}: plugins built against {ContractsCompatibility.Host.Major}.x up to this minor load");
            var table = new Table().AddColumns("kind", "alias", "version", "description, citation, deprecated aliases", "assembly");
            foreach (var kind in PluginKinds.All)
            {
                foreach (var r in catalog[kind].Entries)
                {
                    table.AddRow(Markup.Escape(PluginKinds.Describe(kind)), Markup.Escape(r.Alias), Markup.Escape(r.Version), Markup.Escape(About(r)), Markup.Escape(r.Assembly));
                }
            }

            CliSupport.Render(io.Out, table);
            var problems = CliSupport.PluginFolderProblems(parse, catalog, []);
            foreach (var problem in problems)
            {
                io.Out.WriteLine(problem);
            }

            foreach (var error in catalog.Errors)
            {
                io.Out.WriteLine($"error: {error}");
            }

            // A plugin that failed to load, or a plugin folder asked for that holds none, is bad input, as a duplicate alias
            // is: the fix is in the plugin folder (and a plugin repository's CI can gate on it).
            return catalog.Errors.Count > 0 || problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }

    private static string About(PluginRegistration registration)
    {
        var lines = new List<string> { registration.Description };
        if (registration.Citation.Length > 0)
        {
            lines.Add("cite: " + registration.Citation);
        }

        if (registration.DeprecatedAliases.Count > 0)
        {
            lines.Add($"deprecated alias{(registration.DeprecatedAliases.Count > 1 ? "es" : string.Empty)}: {string.Join(", ", registration.DeprecatedAliases)} (still accepted; use '{registration.Alias}')");
        }

        return string.Join('\n', lines);
    }
}
