using System.CommandLine;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.ClaimReview;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Commands;

/// <summary>
/// <c>factcheck import claimreview FILE|DIR...</c>: published fact-checks (schema.org ClaimReview JSON-LD, in files or
/// in HTML pages) as reviews of the recorded claims they check, or as new claims; printed as YAML, or added to the
/// claims with <c>--into</c>.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Warnings printed; a folder of pages without markup would otherwise print one per page.</summary>
    private const int MaxNotes = 200;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "ClaimReview JSON-LD files (.json, .jsonld: one object, an array, or an @graph), HTML pages with ld+json script blocks, or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArguments.RefuseUnknownOptions(paths, "factcheck import claimreview", "reviews.json");
        var claims = new Option<string[]>("--claims") { Description = "The recorded claims to match against. Default: factcheck.yaml's, else claims/ here or in a folder above.", AllowMultipleArgumentsPerToken = true };
        var into = new Option<string?>("--into") { Description = "Add new claims and sources to this claims file (created if missing) and the reviews under their recorded claims, instead of printing them. Nothing already written is changed." };
        var claimReview = new Command("claimreview", "Read published fact-checks (schema.org ClaimReview JSON-LD) and propose them as reviews of the recorded claims they check, or as new claims.")
        {
            paths, claims, into,
        };
        claimReview.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<Diagnostic>();
            var notes = new List<Diagnostic>();
            var blocks = LdInput.Read(parse.GetValue(paths)!, CliContext.FullPath, problems, notes);
            var reviews = new List<ImportedReview>();
            foreach (var file in blocks.GroupBy(b => b.File))
            {
                var before = (Reviews: reviews.Count, Problems: problems.Count);
                foreach (var block in file) reviews.AddRange(ClaimReviewReader.Read(block, problems, notes));
                if (reviews.Count == before.Reviews && problems.Count == before.Problems)
                {
                    notes.Add(LdInput.Warning(new Location(file.Key, 0, 0), "no ClaimReview in this file (no object with \"@type\": \"ClaimReview\")"));
                }
            }

            notes.Sort(Diagnostic.ByPosition);
            foreach (var n in notes.Take(MaxNotes)) error.WriteLine(TerminalText.Escape(n.ToString()));
            if (notes.Count > MaxNotes) error.WriteLine($"factcheck import: and {notes.Count - MaxNotes:N0} more warnings");
            if (problems.Count > 0)
            {
                problems.Sort(Diagnostic.ByPosition);
                foreach (var d in problems) error.WriteLine(TerminalText.Escape(d.ToString()));
                error.WriteLine($"factcheck import: {problems.Count} error{(problems.Count == 1 ? "" : "s")}; nothing imported");
                return ExitCodes.InvalidInput;
            }

            if (reviews.Count == 0)
            {
                error.WriteLine("factcheck import: no ClaimReview found; nothing imported");
                return ExitCodes.InvalidInput;
            }

            var project = Project.Discover(CliContext.WorkingDirectory);
            string[] claimPaths = parse.GetValue(claims) is { Length: > 0 } given ? given
                : Directory.Exists(CliContext.FullPath(project.Claims(null))) ? [project.Claims(null)] : [];
            var loaded = claimPaths.Length == 0 ? new LoadResult(ClaimSet.Empty, []) : ClaimsLoader.Load(claimPaths, CliContext.WorkingDirectory);
            if (loaded.HasErrors)
            {
                // Matching against half-loaded claims would propose duplicates of the claims that failed to load.
                foreach (var d in loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)) error.WriteLine(TerminalText.Escape(d.ToString()));
                error.WriteLine("factcheck import: the recorded claims have errors; fix them first (factcheck validate)");
                return ExitCodes.InvalidInput;
            }

            var plan = ImportPlan.Build(reviews, loaded.ClaimSet);
            if (parse.GetValue(into) is not { } intoPath)
            {
                output.Write(ImportYaml.Write(plan));
                return ExitCodes.Success;
            }

            ImportFile.Result result;
            try
            {
                result = ImportFile.Append(plan, CliContext.FullPath(intoPath), intoPath, CliContext.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"factcheck import: cannot write: {ex.Message}");
                return ExitCodes.InternalError;
            }

            foreach (var problem in result.Problems) error.WriteLine($"factcheck import: error: {TerminalText.Escape(problem)}");
            foreach (var note in result.Notes) error.WriteLine($"factcheck import: left out: {TerminalText.Escape(note)}");
            foreach (var skipped in plan.Skipped) error.WriteLine($"factcheck import: left out: {TerminalText.Escape(skipped)}");
            var written = string.Join(", ", result.FilesWritten.Select(f => Path.GetRelativePath(CliContext.WorkingDirectory, f).Replace('\\', '/')));
            output.WriteLine($"imported {result.Claims} new claim{(result.Claims == 1 ? "" : "s")} into {intoPath} and {result.Reviews} review{(result.Reviews == 1 ? "" : "s")} of recorded claims"
                + (written.Length == 0 ? "; nothing to write" : $"; files written: {written}"));
            return result.Problems.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return new Command("import", "Import claims and reviews from other formats.") { claimReview };
    }
}
