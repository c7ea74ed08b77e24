using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Output;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// Writes an <see cref="ImportPlan"/> as claims YAML the loader reads, each guess in a comment beside it. Reviews of
/// recorded claims are commented blocks on standard output (they belong under claims in other files; <c>--into</c>
/// inserts them there).
/// </summary>
internal static class ImportYaml
{
    public static string Write(ImportPlan plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Imported by `factcheck import claimreview`: {plan.Claims.Count} new claim{S(plan.Claims.Count)}, "
            + $"{plan.Reviews.Count} review{S(plan.Reviews.Count)} of claims already recorded, {plan.Skipped.Count} already recorded.");
        sb.AppendLine("# Values are as the fact-checks publish them; a comment marks each guess. Statements are the fact-checks' summaries: restate them.");
        foreach (var (key, items) in Sections(plan))
        {
            sb.Append(key).AppendLine(":");
            sb.Append(items);
        }

        if (plan.Reviews.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("# Reviews of claims already recorded: add each under its claim (--into does it).");
            foreach (var r in plan.Reviews)
            {
                sb.AppendLine($"# {r.Claim.Id} ({r.Claim.Location}): {Why(r)}");
                var block = new StringBuilder();
                Review(block, r.Review, "    ");
                foreach (var line in block.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.Append('#').AppendLine(line.TrimEnd('\r'));
            }
        }

        foreach (var skipped in plan.Skipped) sb.AppendLine("# Left out: " + YamlOut.Comment(skipped));
        return sb.ToString();
    }

    public static string Why(ImportPlan.ForRecorded r) =>
        $"same claimant, similarity {r.Similarity:0.00}: \"{YamlOut.Comment(r.Review.ClaimReviewed)}\""
        + (r.Conflict ? $"; it already has a review ({r.Claim.Review.Location}), so this one is not added" : "");

    /// <summary>The top-level sections of the new items (no header), each item at two spaces.</summary>
    public static List<(string Key, string Items)> Sections(ImportPlan plan)
    {
        var sections = new List<(string, string)>();
        if (plan.Sources.Count > 0)
        {
            var sb = new StringBuilder();
            foreach (var s in plan.Sources) Source(sb, s);
            sections.Add(("sources", sb.ToString()));
        }

        if (plan.Claims.Count > 0)
        {
            var propositions = new StringBuilder();
            var claims = new StringBuilder();
            foreach (var c in plan.Claims)
            {
                propositions.AppendLine($"  # placeholder for {c.Id}'s stance: replace with a recorded proposition or word it as one");
                propositions.AppendLine($"  - key: {DraftYaml.PlaceholderPrefix}{c.Id}");
                propositions.AppendLine($"    description: {YamlOut.Scalar(c.Review.ClaimReviewed)}");
                Claim(claims, c);
            }

            sections.Add(("propositions", propositions.ToString()));
            sections.Add(("claims", claims.ToString()));
        }

        return sections;
    }

    private static void Source(StringBuilder sb, ImportPlan.NewSource s)
    {
        var w = s.Work;
        sb.AppendLine($"  - id: {s.Id}");
        sb.AppendLine($"    kind: {KebabCase.Of(w.Kind)}{(w.Kind == SourceKind.Other ? "  # guess: the ClaimReview gives no kind of work" : "")}");
        Field(sb, "    ", "title", w.Headline);
        Field(sb, "    ", "outlet", w.Publisher);
        if (w.Authors is { } authors) sb.AppendLine($"    authors: {YamlOut.Flow(authors)}");
        sb.AppendLine($"    url: {YamlOut.Scalar(w.Url)}");
        if (w.Published is { } p) sb.AppendLine($"    published: {p}");
    }

    private static void Claim(StringBuilder sb, ImportPlan.NewClaim c)
    {
        var r = c.Review;
        sb.AppendLine($"  # from the ClaimReview at {YamlOut.Comment(r.At.ToString())}");
        sb.AppendLine($"  - id: {c.Id}");
        sb.AppendLine($"    statement: {YamlOut.Scalar(r.ClaimReviewed)}");
        sb.AppendLine("    claimant:");
        if (r.ClaimantName is null) sb.AppendLine("      # the ClaimReview names no author of the claim: name the claimant");
        sb.AppendLine($"      name: {YamlOut.Scalar(r.ClaimantName ?? "unknown")}");
        sb.AppendLine($"      kind: {KebabCase.Of(r.ClaimantKind)}");
        Field(sb, "      ", "role", r.ClaimantRole);
        if (r.ClaimDate is { } made)
        {
            sb.AppendLine("    made:");
            sb.AppendLine($"      date: {made}");
        }

        sb.AppendLine("    stances:");
        sb.AppendLine($"      - proposition: {DraftYaml.PlaceholderPrefix}{c.Id}  # placeholder: set the proposition and the stance");
        sb.AppendLine("        stance: asserts");
        sb.AppendLine("    appearances:");
        foreach (var source in c.Sources)
        {
            sb.AppendLine(c.FromFactCheck
                ? "      # the ClaimReview names no appearance: the fact-check itself reports the claim"
                : "      # guess: the fact-check's words, not the source's; copy the words as printed and set the attribution");
            sb.AppendLine($"      - source: {source}");
            sb.AppendLine($"        attribution: {(c.FromFactCheck ? "reported" : "paraphrase")}");
            sb.AppendLine($"        quote: {YamlOut.Scalar(r.ClaimReviewed)}");
        }

        Review(sb, r, "    ");
    }

    /// <summary>The review as a <c>review:</c> key at <paramref name="indent"/>, its fields below.</summary>
    public static void Review(StringBuilder sb, ImportedReview r, string indent)
    {
        sb.AppendLine($"{indent}review:");
        Fields(sb, r, indent + "  ", withStatus: true);
    }

    /// <summary>The review's fields at <paramref name="indent"/>; the status line only when asked.</summary>
    public static void Fields(StringBuilder sb, ImportedReview r, string indent, bool withStatus)
    {
        var status = Verdicts.StatusOf(r.Rating);
        if (withStatus)
        {
            sb.AppendLine(status is { } s
                ? $"{indent}status: {KebabCase.Of(s)}  # read from the published rating; the desk's verdict may differ"
                : $"{indent}status: unreviewed  # the rating {YamlOut.Comment(YamlOut.Scalar(r.Rating))} is no common verdict: set the status");
        }

        // A rating that is the status's own word says nothing more (export writes the word back).
        if (status is null || !string.Equals(r.Rating, KebabCase.Of(status.Value), StringComparison.OrdinalIgnoreCase) || !withStatus)
        {
            sb.AppendLine($"{indent}rating: {YamlOut.Scalar(r.Rating)}");
        }

        if (r.RatingValue is { } value) sb.AppendLine($"{indent}rating_value: {YamlOut.Number(value)}");
        if (r.BestRating is { } best) sb.AppendLine($"{indent}best_rating: {YamlOut.Number(best)}");
        if (r.WorstRating is { } worst) sb.AppendLine($"{indent}worst_rating: {YamlOut.Number(worst)}");
        sb.AppendLine($"{indent}url: {YamlOut.Scalar(r.Url)}");
        if (r.Published is { } published) sb.AppendLine($"{indent}published: {published}");
        Field(sb, indent, "organisation", r.Organisation);
    }

    private static void Field(StringBuilder sb, string indent, string key, string? value)
    {
        if (value is not null) sb.AppendLine($"{indent}{key}: {YamlOut.Scalar(value)}");
    }

    private static string S(int n) => n == 1 ? "" : "s";
}
