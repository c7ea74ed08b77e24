using System.CommandLine;
using System.Globalization;
using FactCheck.Claims.Loading;
using FactCheck.Drafting;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck match [paths]</c>: recorded claims that look like the same claim but are not linked.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Claims files or folders (searched recursively for *.yaml, *.yml). Default: claims/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArguments.RefuseUnknownOptions(paths, "factcheck match", "claims/");
        var min = new Option<double>("--min")
        {
            Description = "Least similarity of the printed words (0-1) for a pair to be listed.",
            DefaultValueFactory = _ => LookAlikes.DefaultThreshold,
        };
        min.Validators.Add(r =>
        {
            if (r.GetValue(min) is < 0 or > 1) r.AddError("--min must be between 0 and 1");
        });
        var noCache = CacheOption.Create();
        var command = new Command("match", "List pairs of recorded claims of the same speaker with near-same words and no link between them.") { paths, min, noCache };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["claims"];
            var result = ClaimsLoader.Load(given, CliContext.WorkingDirectory, CacheOption.Open(parse.GetValue(noCache)));
            if (result.HasErrors)
            {
                foreach (var d in result.Diagnostics) output.WriteLine(d.ToString());
                output.WriteLine("factcheck match: fix the errors above first");
                return ExitCodes.InvalidInput;
            }

            var pairs = LookAlikes.Find(result.ClaimSet, parse.GetValue(min), DraftCache.DefaultFolder());
            foreach (var pair in pairs)
            {
                var s = pair.Similarity.ToString("0.00", CultureInfo.InvariantCulture);
                output.WriteLine($"{pair.First.Location}: {pair.First.Id} looks like {pair.Second.Id} ({pair.Second.Location}), similarity {s}, not linked");
                output.WriteLine($"    \"{pair.FirstWords}\"");
                output.WriteLine($"    \"{pair.SecondWords}\"");
            }

            output.WriteLine(pairs.Count == 0
                ? $"no unlinked look-alikes among {result.ClaimSet.Claims.Count} claims"
                : $"{pairs.Count} unlinked look-alike pair{(pairs.Count == 1 ? "" : "s")} among {result.ClaimSet.Claims.Count} claims (link them with same_as, or leave them if they differ)");
            return ExitCodes.Success;
        });
        return command;
    }
}
