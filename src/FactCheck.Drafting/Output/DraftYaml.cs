using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Output;

/// <summary>
/// Writes a draft as claims YAML the loader reads, every inference in a comment beside what it concerns. New
/// appearances of recorded claims are written as commented blocks (they belong under claims in other files; with
/// <c>--into</c> they are inserted there).
/// </summary>
public static class DraftYaml
{
    /// <summary>Placeholder propositions are named <c>draft.&lt;claim id&gt;</c> until the editor sets a real stance.</summary>
    public const string PlaceholderPrefix = "draft.";

    public static string Write(Draft draft, string? origin = null)
    {
        var sb = new StringBuilder();
        Header(sb, draft, origin);
        var body = Body(draft);
        sb.Append(body);
        if (draft.Matched.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("# New appearances of claims already recorded: add each under its claim's appearances (--into does it).");
            foreach (var m in draft.Matched)
            {
                sb.AppendLine($"# {m.ClaimId} ({m.ClaimFile}:{m.ClaimLine}): similarity {m.Similarity:0.00}; drift: {YamlText.Comment(m.Drift)}");
                var lines = new StringBuilder();
                Appearance(lines, m.Appearance, "      ");
                foreach (var line in lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.Append('#').AppendLine(line.TrimEnd('\r'));
            }
        }

        return sb.ToString();
    }

    private static void Header(StringBuilder sb, Draft draft, string? origin)
    {
        var candidates = draft.Claims.Count(c => c.Candidate);
        sb.AppendLine($"# Drafted by `factcheck draft`{(origin is null ? "" : " from " + YamlText.Comment(origin))} for source '{draft.Request.SourceId}':");
        sb.AppendLine($"# {draft.Claims.Count} new claims ({candidates} of them the outlet's own assertions, marked as candidates), "
            + $"{draft.Matched.Count} new appearances of recorded claims.");
        sb.AppendLine("# Values are as printed in the text; a comment marks each guess. Statements repeat the printed words: restate them.");
        sb.AppendLine($"# Stances point to placeholder propositions ({PlaceholderPrefix}<claim id>) unless a recorded one is proposed: set them.");
        foreach (var note in draft.Notes) sb.AppendLine("# Note: " + YamlText.Comment(note));
    }

    /// <summary>The sources/propositions/claims sections (no header, no matched appearances).</summary>
    internal static string Body(Draft draft)
    {
        var sb = new StringBuilder();
        if (draft.NewSource is { } s)
        {
            sb.AppendLine("sources:");
            Source(sb, s, "  ");
        }

        var placeholders = draft.Claims.Where(c => c.Propositions.Count == 0).ToList();
        if (placeholders.Count > 0)
        {
            sb.AppendLine("propositions:");
            foreach (var c in placeholders) Placeholder(sb, c, "  ");
        }

        if (draft.Claims.Count > 0)
        {
            sb.AppendLine("claims:");
            foreach (var c in draft.Claims) Claim(sb, c, "  ");
        }

        return sb.ToString();
    }

    internal static void Source(StringBuilder sb, DraftedSource s, string indent)
    {
        foreach (var note in s.Notes) sb.AppendLine($"{indent}# guess: {YamlText.Comment(note)}");
        sb.AppendLine($"{indent}- id: {YamlText.Scalar(s.Id)}");
        var i = indent + "  ";
        sb.AppendLine($"{i}kind: {KebabCase.Of(s.Kind)}");
        Field(sb, i, "title", s.Title);
        Field(sb, i, "outlet", s.Outlet);
        if (s.Authors is { } authors) sb.AppendLine($"{i}authors: {YamlText.Flow(authors)}");
        Field(sb, i, "wire", s.Wire);
        Field(sb, i, "url", s.Url);
        Field(sb, i, "language", s.Language);
        if (s.Published is { } p) sb.AppendLine($"{i}published: {p}");
        Field(sb, i, "text", s.TextPath);
    }

    internal static void Placeholder(StringBuilder sb, DraftedClaim c, string indent)
    {
        sb.AppendLine($"{indent}# placeholder for {c.Id}'s stance: replace with a recorded proposition or word it as one");
        sb.AppendLine($"{indent}- key: {PlaceholderPrefix}{c.Id}");
        sb.AppendLine($"{indent}  description: {YamlText.Scalar(c.Statement)}");
    }

    internal static void Claim(StringBuilder sb, DraftedClaim c, string indent)
    {
        if (c.Candidate) sb.AppendLine($"{indent}# candidate: the outlet's own assertion, drafted from line {c.Appearance.Line}; keep it only if it is worth checking");
        sb.AppendLine($"{indent}- id: {c.Id}");
        var i = indent + "  ";
        sb.AppendLine($"{i}statement: {YamlText.Scalar(c.Statement)}  # guess: the printed words; restate them as the claim");
        sb.AppendLine($"{i}claimant:");
        foreach (var note in c.Notes) sb.AppendLine($"{i}  # {YamlText.Comment(note)}");
        sb.AppendLine($"{i}  name: {YamlText.Scalar(c.ClaimantName)}");
        sb.AppendLine($"{i}  kind: {KebabCase.Of(c.ClaimantKind)}");
        if (c.ClaimantRole is { } role) sb.AppendLine($"{i}  role: {YamlText.Scalar(role)}  # as this article prints it");
        if (c.Made is { Value: { } made } m)
        {
            sb.AppendLine($"{i}made:  # guess: when the sentence's date expression puts it");
            sb.AppendLine($"{i}  text: {YamlText.Scalar(m.Text)}");
            sb.AppendLine($"{i}  date: {made}");
        }

        sb.AppendLine($"{i}stances:");
        if (c.Propositions.Count == 0)
        {
            sb.AppendLine($"{i}  - proposition: {PlaceholderPrefix}{c.Id}  # placeholder: set the proposition and the stance");
            sb.AppendLine($"{i}    stance: asserts");
        }
        else
        {
            foreach (var key in c.Propositions)
            {
                sb.AppendLine($"{i}  - proposition: {key}  # guess: a recorded proposition with the same words; check it and the stance");
                sb.AppendLine($"{i}    stance: asserts");
            }
        }

        sb.AppendLine($"{i}appearances:");
        Appearance(sb, c.Appearance, i + "  ");
        sb.AppendLine($"{i}review:");
        sb.AppendLine($"{i}  status: unreviewed");
        if (c.SameAs.Count > 0)
        {
            sb.AppendLine($"{i}links:");
            foreach (var link in c.SameAs) sb.AppendLine($"{i}  # guess: {link.ClaimId} has near-same words (similarity {link.Similarity:0.00}; {YamlText.Comment(link.Drift)})");
            sb.AppendLine($"{i}  same_as: {YamlText.Flow(c.SameAs.Select(l => l.ClaimId))}");
        }
    }

    /// <summary>One appearance as a sequence item at <paramref name="indent"/> (the dash's column).</summary>
    internal static void Appearance(StringBuilder sb, DraftedAppearance a, string indent)
    {
        foreach (var note in a.Notes) sb.AppendLine($"{indent}# {(note.StartsWith("candidate", StringComparison.Ordinal) ? "" : "guess: ")}{YamlText.Comment(note)}");
        sb.AppendLine($"{indent}- source: {YamlText.Scalar(a.Source)}  # line {a.Line}");
        var i = indent + "  ";
        sb.AppendLine($"{i}attribution: {KebabCase.Of(a.Attribution)}");
        sb.AppendLine($"{i}quote: {YamlText.Scalar(a.Quote)}");
        Field(sb, i, "attributed_as", a.AttributedAs);
        Field(sb, i, "via", a.Via);
        Field(sb, i, "speaker_role", a.SpeakerRole);
        Field(sb, i, "place", a.Place);
        Field(sb, i, "occasion", a.Occasion);
        Field(sb, i, "timing", a.Timing);
        Field(sb, i, "audience", a.Audience);
        Field(sb, i, "hedge", a.Hedge);
        if (a.Fragments.Count > 0) sb.AppendLine($"{i}fragments: {YamlText.Flow(a.Fragments)}");
        if (a.Dates.Count > 0)
        {
            sb.AppendLine($"{i}dates: {YamlText.Flow(a.Dates.Select(d => d.Text))}");
            foreach (var d in a.Dates) sb.AppendLine($"{i}  # {YamlText.Comment(d.Text)} = {YamlText.Comment(d.Reading)}");
        }
    }

    private static void Field(StringBuilder sb, string indent, string key, string? value)
    {
        if (value is not null) sb.AppendLine($"{indent}{key}: {YamlText.Scalar(value)}");
    }
}
