using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.ClaimReview;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck export claimreview</c>: the reviewed claims as schema.org ClaimReview JSON-LD.</summary>
internal static class ExportCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = ReadableJsonEncoder.Instance,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Claims files or folders. Default: factcheck.yaml's, else claims/ here or in a folder above.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArguments.RefuseUnknownOptions(paths, "factcheck export claimreview", "claims/");
        var outDir = new Option<string?>("--out") { Description = "Write one <claim-id>.json per reviewed claim into this folder (created if missing). Default: one JSON array on standard output." };
        var claimReview = new Command("claimreview", "Write each reviewed claim as schema.org ClaimReview JSON-LD (what fact-check search engines read).")
        {
            paths, outDir,
        };
        claimReview.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var project = Project.Discover(CliContext.WorkingDirectory);
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [project.Claims(null)];
            var loaded = ClaimsLoader.Load(given, CliContext.WorkingDirectory);
            var problems = loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var reviewed = loaded.ClaimSet.Claims.Where(ClaimReviewBuilder.IsReviewed).ToList();
            problems.AddRange(reviewed.SelectMany(ClaimReviewBuilder.Check));
            if (problems.Count > 0)
            {
                problems.Sort(Diagnostic.ByPosition);
                foreach (var d in problems) error.WriteLine(TerminalText.Escape(d.ToString()));
                error.WriteLine($"factcheck export: {problems.Count} error{(problems.Count == 1 ? "" : "s")}; nothing written");
                return ExitCodes.InvalidInput;
            }

            var sources = ClaimReviewDocuments.SourcesById(loaded.ClaimSet);
            var documents = reviewed.Select(c => (c.Id, Json: ClaimReviewBuilder.Build(c, sources))).ToList();
            if (parse.GetValue(outDir) is not { } dir)
            {
                output.WriteLine(new JsonArray(documents.Select(d => (JsonNode)d.Json).ToArray()).ToJsonString(Json));
                return ExitCodes.Success;
            }

            var full = CliContext.FullPath(dir);
            try
            {
                Directory.CreateDirectory(full);
                foreach (var (id, json) in documents)
                {
                    OutputFile.Write(Path.Combine(full, id + ".json"), Path.Combine(dir, id + ".json"), w => w.WriteLine(json.ToJsonString(Json)));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OutputFileException)
            {
                error.WriteLine($"factcheck export: cannot write to '{dir}': {ex.Message}");
                return ExitCodes.InternalError;
            }

            error.WriteLine($"factcheck: wrote {documents.Count} ClaimReview file{(documents.Count == 1 ? "" : "s")} to {dir}");
            return ExitCodes.Success;
        });
        return new Command("export", "Export claims in other formats.") { claimReview };
    }
}
