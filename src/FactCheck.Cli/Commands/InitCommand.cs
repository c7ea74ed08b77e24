using System.CommandLine;
using FactCheck.Cli.Configuration;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck init</c>: write a commented <c>factcheck.yaml</c> in the working folder.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Write a commented factcheck.yaml here, with the claims and rules folders found; refuses to overwrite one.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var here = CliContext.WorkingDirectory;
            var path = Path.Combine(here, ProjectConfigReader.FileNames[0]);
            foreach (var name in ProjectConfigReader.FileNames)
            {
                if (File.Exists(Path.Combine(here, name)))
                {
                    error.WriteLine($"factcheck init: {name} already exists here; nothing was written");
                    return ExitCodes.InvalidInput;
                }
            }

            var project = Project.Discover(here);
            if (project.Config is not null)
            {
                error.WriteLine($"factcheck init: note: {project.Config.DisplayPath} above applies here until this one replaces it");
            }

            // The folders found from here, relative to the new file (run inside claims/: claims '.', rules '../rules').
            var root = project.Config is null ? project.Root : here;
            var claims = Relative(here, Path.Combine(root, Project.ClaimsFolder));
            var rulesFolder = Path.Combine(root, Project.RulesFolder);
            var rules = Directory.Exists(rulesFolder) ? Relative(here, rulesFolder) : null;
            using (var file = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write), new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                file.Write(Template(claims, rules));
            }

            output.WriteLine($"wrote {ProjectConfigReader.FileNames[0]}: claims from {claims}, rules from {rules ?? "the bundled pack"}");

            // A new project's first `check` runs (on no claims) instead of failing on a folder that does not exist.
            var claimsFolder = Path.Combine(here, claims);
            if (!Path.Exists(claimsFolder))
            {
                Directory.CreateDirectory(claimsFolder);
                output.WriteLine($"created {claims}/, empty: write claims files there (the format: docs/format.md), or draft them from an article with 'factcheck draft'");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    /// <summary>Every key, commented; the ones that only restate a default are left commented out.</summary>
    internal static string Template(string claims, string? rules) => $"""
        # FactCheck configuration (docs/configuration.md).
        # factcheck finds this file from the working folder upwards; paths here are relative to this file.
        # Command-line flags win over it. Editors: the JSON Schema is factcheck.schema.json (docs/configuration.md).

        # The claims folder (or file).
        claims: {claims}

        # The rules folder (or file); 'bundled' for the pack shipped with FactCheck. Without this key: rules/
        # beside this file if it exists, else the bundled pack ('factcheck rules export' copies it for editing).
        {(rules is null ? "# rules: rules" : $"rules: {rules}")}

        # The SQLite report every check is recorded in; 'false' records nothing.
        report: factcheck.db

        # The lowest severity that makes 'factcheck check' exit 1: error, warning, info or never.
        fail-on: error

        # The lowest severity listed in text output and GitHub annotations: error, warning or info (findings
        # that fail the run are always listed; JSON, SARIF and the report keep everything).
        # min-severity: warning

        # Only findings new since this baseline can fail the run: a run id in the report, or another report file.
        # baseline: baseline.db
        # Or the claims and rules at the merge base of a git ref and HEAD (as in CI: origin/main).
        # baseline-ref: origin/main

        # Run only these rules (all when absent), and never these.
        # enable: [attribution.unattributed, dates.after-publication]
        # disable: [quotes.drift]

        # Report a rule's findings at another severity: error, warning or info.
        # severity:
        #   attribution.single-origin: info

        """;
}
