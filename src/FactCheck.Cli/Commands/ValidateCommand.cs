using System.CommandLine;
using FactCheck.Claims.Loading;
using FactCheck.Cli.Configuration;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck validate [paths]</c>: load the claims and report every problem, fast enough for every save.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Claims files or folders (searched recursively for *.yaml, *.yml). Default: factcheck.yaml's, else claims/ here or in a folder above.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArguments.RefuseUnknownOptions(paths, "factcheck validate", "claims/");
        var noCache = CacheOption.Create();
        var command = new Command("validate", "Check the claims files: YAML syntax, keys, types, dates, ids and references.")
        {
            paths, noCache,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var project = Project.Discover(CliContext.WorkingDirectory);
            if (project.Diagnostics.Count > 0)
            {
                foreach (var diagnostic in project.Diagnostics) output.WriteLine(diagnostic.ToString());
                output.WriteLine($"{project.Diagnostics.Count} error{(project.Diagnostics.Count == 1 ? "" : "s")} in {project.Config!.DisplayPath}");
                return ExitCodes.InvalidInput;
            }

            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [project.Claims(null)];
            var result = ClaimsLoader.Load(given, CliContext.WorkingDirectory, CacheOption.Open(parse.GetValue(noCache)));
            foreach (var diagnostic in result.Diagnostics)
            {
                // File names and values come from the input: escaped, so none can forge a line or move the cursor.
                output.WriteLine(Output.TerminalText.Escape(diagnostic.ToString()));
            }

            var set = result.ClaimSet;
            var summary = $"{set.Files.Count} files, {set.Sources.Count} sources, {set.Propositions.Count} propositions, {set.Claims.Count} claims";
            if (result.HasErrors)
            {
                var errors = result.Diagnostics.Count(d => d.Severity == Claims.Diagnostics.DiagnosticSeverity.Error);
                output.WriteLine($"{errors} error{(errors == 1 ? "" : "s")} in {summary}");
                return ExitCodes.InvalidInput;
            }

            output.WriteLine($"valid: {summary}");
            return ExitCodes.Success;
        });
        return command;
    }
}
