using System.CommandLine;
using FactCheck.Cli.Configuration;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck rules export [DIR]</c>: copy the bundled rule pack out of the tool, to edit and extend it.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("directory")
        {
            Description = "Where to write the pack. Default: rules/ beside claims/ (the folder check reads rules from).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        PathArguments.RefuseUnknownOptions(directory, "factcheck rules export", "my-rules/");
        var export = new Command("export", "Copy the rule pack bundled with FactCheck into a folder, to edit it; refuses to overwrite files.") { directory };
        export.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var project = Project.Discover(CliContext.WorkingDirectory);
            var target = parse.GetValue(directory) is { } given
                ? CliContext.FullPath(given)
                : Path.Combine(project.Root, Project.RulesFolder);
            var shown = Claims.Loading.ClaimsLoader.Display(target, CliContext.WorkingDirectory);
            var existing = BundledRules.Files.Where(f => File.Exists(Path.Combine(target, f))).ToList();
            if (existing.Count > 0)
            {
                error.WriteLine($"factcheck rules export: {shown} already holds {string.Join(", ", existing)}; nothing was written");
                error.WriteLine("Move them away or give another folder: factcheck rules export DIR");
                return ExitCodes.InvalidInput;
            }

            var files = BundledRules.Export(target);
            foreach (var file in files) output.WriteLine($"{shown.TrimEnd('/')}/{file}");
            output.WriteLine($"wrote the rule pack bundled with FactCheck {Checking.CheckRunner.ToolVersion} ({files.Count} files) to {shown}");
            if (project.Config?.Rules == ProjectConfigReader.BundledRulesValue)
            {
                output.WriteLine($"{project.Config.DisplayPath} says 'rules: bundled'; point 'rules:' at {shown} to use the copy");
            }

            return ExitCodes.Success;
        });

        return new Command("rules", "Work with rule packs.") { export };
    }
}
