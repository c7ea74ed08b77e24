using System.CommandLine;
using System.Text.RegularExpressions;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Drafting;
using FactCheck.Drafting.Output;

namespace FactCheck.Cli.Commands;

/// <summary>
/// <c>factcheck draft [TEXT] --source ID</c>: claims drafted from an article's text, matched against the recorded claims;
/// printed as YAML, or added to a claims file with <c>--into</c>.
/// </summary>
internal static partial class DraftCommand
{
    private const long MaxTextBytes = 4 * 1024 * 1024;

    public static Command Create()
    {
        var text = new Argument<string?>("text")
        {
            Description = "The article's text file. Optional when --source names a recorded source with a stored text:.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        PathArguments.RefuseUnknownOptions(text, "factcheck draft", "article.txt --source SOURCE-ID");
        var source = new Option<string>("--source") { Description = "The source id the appearances name (recorded, or new: give its fields).", Required = true };
        var claims = new Option<string[]>("--claims") { Description = "Claims files or folders to match against. Default: claims/ (if it exists).", AllowMultipleArgumentsPerToken = true };
        var into = new Option<string?>("--into") { Description = "Add the draft to this claims file (created if missing) instead of printing it; new appearances of recorded claims go under those claims." };
        var published = new Option<string?>("--published") { Description = "Publication date of a new source (2023-11-08, 2023-11, 2023-11-08T14:10Z)." };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet of a new source; also the claimant of its own assertions." };
        var title = new Option<string?>("--title") { Description = "Title of a new source." };
        var wire = new Option<string?>("--wire") { Description = "Wire service of a new source (AFP, Reuters...)." };
        var url = new Option<string?>("--url") { Description = "URL of a new source." };
        var language = new Option<string?>("--language") { Description = "Language of a new source (en, fr...)." };
        var kind = new Option<string>("--kind") { Description = "Kind of a new source.", DefaultValueFactory = _ => "article" };
        kind.AcceptOnlyFromAmong(KebabCase.Words<SourceKind>().ToArray());
        var authors = new Option<string[]>("--author") { Description = "Author of a new source, as printed (repeat for several)." };
        var noCache = CacheOption.Create();
        var command = new Command("draft", "Draft claims from an article's text: quotes, speakers, attribution, dates, matched against the recorded claims.")
        {
            text, source, claims, into, published, outlet, title, wire, url, language, kind, authors, noCache,
        };
        command.SetAction(parse =>
        {
            using var timer = new PhaseTimer();
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var sourceId = parse.GetValue(source)!;
            if (!Slug().IsMatch(sourceId))
            {
                error.WriteLine($"factcheck draft: --source '{sourceId}' is not a valid id (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)");
                return ExitCodes.InvalidInput;
            }

            PartialDate? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!PartialDate.TryParse(p, out var d, out var why))
                {
                    error.WriteLine($"factcheck draft: --published '{p}': {why}");
                    return ExitCodes.InvalidInput;
                }

                date = d;
            }

            // The text first: a missing file is said before any claims are read.
            var textPath = parse.GetValue(text);
            string? body = null;
            if (textPath is not null)
            {
                var full = CliContext.FullPath(textPath);
                if (!File.Exists(full))
                {
                    error.WriteLine($"factcheck draft: '{textPath}' does not exist");
                    return ExitCodes.InvalidInput;
                }

                if (new FileInfo(full).Length > MaxTextBytes)
                {
                    error.WriteLine($"factcheck draft: '{textPath}' is larger than {MaxTextBytes / (1024 * 1024)} MiB; give one article");
                    return ExitCodes.InvalidInput;
                }

                body = File.ReadAllText(full);
            }

            var claimPaths = parse.GetValue(claims) is { Length: > 0 } given ? given : Directory.Exists(CliContext.FullPath("claims")) ? ["claims"] : [];
            var indexFolder = DraftCache.DefaultFolder();
            var withoutCache = parse.GetValue(noCache);

            // Unchanged claims are read from the snapshot the last run kept, without loading them (docs/draft.md); with
            // --into they are about to change, so none is written.
            var intoPath = parse.GetValue(into);
            IReadOnlyList<Diagnostic> diagnostics = [];
            var recorded = claimPaths.Length == 0
                ? RecordedClaims.Of(ClaimSet.Empty)
                : RecordedClaims.Open(
                    claimPaths, CliContext.WorkingDirectory, withoutCache ? null : indexFolder,
                    () => ClaimsLoader.Load(claimPaths, CliContext.WorkingDirectory, CacheOption.Open(withoutCache)), out diagnostics, writeSnapshot: intoPath is null);
            timer.Mark("recorded claims");
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                foreach (var d in errors.Take(20)) error.WriteLine(d.ToString());
                error.WriteLine($"factcheck draft: warning: {errors.Count} error{(errors.Count == 1 ? "" : "s")} in the claims; drafted against what loaded (run factcheck validate)");
            }

            if (body is null)
            {
                if (recorded.SourceText(sourceId) is not { } stored)
                {
                    error.WriteLine($"factcheck draft: give the article's text file, or --source with a recorded source that stores its text ('{sourceId}' {(recorded.HasSource(sourceId) ? "has no text:" : "is not recorded")})");
                    _ = recorded.Outcome; // waits for a snapshot still being written
                    return ExitCodes.InvalidInput;
                }

                body = stored;
            }

            var relativeTo = intoPath is not null
                ? Path.GetDirectoryName(CliContext.FullPath(intoPath))!
                : CliContext.FullPath(claimPaths.Length > 0 && Directory.Exists(CliContext.FullPath(claimPaths[0])) ? claimPaths[0] : ".");
            var request = new DraftRequest(sourceId)
            {
                Published = date,
                Outlet = parse.GetValue(outlet),
                Title = parse.GetValue(title),
                Wire = parse.GetValue(wire),
                Url = parse.GetValue(url),
                Language = parse.GetValue(language),
                Kind = KebabCase.TryParse<SourceKind>(parse.GetValue(kind)!, out var k) ? k : SourceKind.Article,
                Authors = parse.GetValue(authors) is { Length: > 0 } a ? a : null,
                TextPath = textPath is null ? null : Path.GetRelativePath(relativeTo, CliContext.FullPath(textPath)).Replace('\\', '/'),
            };

            var draft = ClaimDrafter.Draft(body, request, recorded, indexFolder);
            timer.Mark("draft");
            if (intoPath is null)
            {
                output.Write(DraftYaml.Write(draft, textPath));
                timer.Mark($"recorded claims: {recorded.Outcome}"); // waits for a snapshot still being written
                return ExitCodes.Success;
            }

            var result = DraftFile.Append(draft, CliContext.FullPath(intoPath), f => CliContext.FullPath(f), textPath);
            foreach (var problem in result.Problems) error.WriteLine($"factcheck draft: {problem}");
            output.WriteLine($"drafted {result.Claims} claim{(result.Claims == 1 ? "" : "s")} into {intoPath} and {result.Appearances} appearance{(result.Appearances == 1 ? "" : "s")} of recorded claims; "
                + $"files written: {string.Join(", ", result.FilesWritten.Select(f => Path.GetRelativePath(CliContext.WorkingDirectory, f).Replace('\\', '/')))}");
            foreach (var note in draft.Notes) output.WriteLine($"note: {note}");
            timer.Mark($"recorded claims: {recorded.Outcome}"); // waits for a snapshot still being written
            return result.Problems.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
