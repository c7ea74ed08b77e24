using System.Text;
using FactCheck.Drafting.Output;
using static FactCheck.Drafting.Output.ClaimsFileEdits;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// Adds an <see cref="ImportPlan"/> to claims files by inserting text only, as <c>draft --into</c> does: new sources,
/// propositions and claims at the end of their sections in the target file (sections it lacks at its end); reviews
/// under their recorded claims, in whatever file holds them. No existing line is changed or moved.
/// </summary>
internal static class ImportFile
{
    /// <param name="Problems">What could not be added where it belongs (to add by hand).</param>
    /// <param name="Notes">Reviews left out on purpose (a claim with a review of its own).</param>
    public sealed record Result(IReadOnlyList<string> FilesWritten, int Claims, int Reviews, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes);

    /// <param name="into">The claims file new items go to (created if missing).</param>
    /// <param name="resolve">Maps a recorded claim's file (as the loader names it) to its path on disk.</param>
    public static Result Append(ImportPlan plan, string into, string shownInto, Func<string, string> resolve)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var edits = new ClaimsFileEdits();
        var sections = ImportYaml.Sections(plan);
        var header = $"# Imported by `factcheck import claimreview`; guesses are marked in comments.\n";
        if (sections.Count > 0)
        {
            edits.AddToSections(into, shownInto, sections, header, header + string.Concat(sections.Select(s => s.Key + ":\n" + s.Items)), "import", problems);
        }

        var added = 0;
        foreach (var r in plan.Reviews)
        {
            if (r.Conflict)
            {
                notes.Add($"{r.Claim.Location}: '{r.Claim.Id}' already has a review; the one from {r.Review.Url} is not added (compare them by hand)");
                continue;
            }

            var path = Path.GetFullPath(resolve(r.Claim.Location.File));
            var text = edits.TextOf(path);
            var lines = Lines(text);
            if (InsertReview(lines, r, out var offsetLine, out var why) is not { } block)
            {
                problems.Add($"{r.Claim.Location}: {why}; add the review from {r.Review.Url} by hand");
                continue;
            }

            edits.Insert(path, EndOffset(lines, offsetLine, text), block);
            added++;
        }

        edits.WriteAll();
        return new Result(edits.Files, plan.Claims.Count, added, problems, notes);
    }

    /// <summary>
    /// The text to insert for a review and the line it goes after: a whole <c>review:</c> at the end of the claim, or,
    /// under a <c>review:</c> that only says <c>status: unreviewed</c>, its fields (the status line stays the editor's).
    /// </summary>
    private static string? InsertReview(List<Line> lines, ImportPlan.ForRecorded r, out int after, out string why)
    {
        after = -1;
        why = $"'{r.Claim.Id}' is written in flow style ({{id: ...}}), which takes no inserted lines";
        var claimLine = r.Claim.Location.Line - 1;
        var keyIndent = r.Claim.Location.Column - 1;
        // The loader points at the claim's first key (after "- "); a flow mapping there ("{id: ...}") takes no lines.
        if (claimLine < 0 || claimLine >= lines.Count || lines[claimLine].Text.Length <= keyIndent || lines[claimLine].Text[keyIndent] == '{') return null;
        var last = claimLine;
        var review = -1;
        for (var i = claimLine + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (!IsContent(t)) continue;
            var indent = Indent(t);
            if (indent < keyIndent) break; // the next claim's "- " (an indentless list under a key keeps the key's indent)
            if (indent == keyIndent && t.TrimStart().StartsWith("review:", StringComparison.Ordinal)) review = i;
            last = i;
        }

        var pad = new string(' ', keyIndent);
        var sb = new StringBuilder();
        if (review < 0)
        {
            sb.AppendLine($"{pad}# imported from {YamlOut.Comment(r.Review.At.ToString())}: {ImportYaml.Why(r)}");
            ImportYaml.Review(sb, r.Review, pad);
            after = last;
            return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        var rest = lines[review].Text.Trim()["review:".Length..].Trim();
        if (rest.Length > 0 && !rest.StartsWith('#'))
        {
            why = $"the review of '{r.Claim.Id}' is written in flow style (review: {rest}), which takes no inserted lines";
            return null;
        }

        var end = review;
        var childIndent = keyIndent + 2;
        for (var i = review + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (!IsContent(t)) continue;
            if (Indent(t) <= keyIndent) break;
            if (end == review) childIndent = Indent(t);
            end = i;
        }

        var childPad = new string(' ', childIndent);
        var status = Verdicts.StatusOf(r.Review.Rating);
        sb.AppendLine($"{childPad}# imported from {YamlOut.Comment(r.Review.At.ToString())}: {ImportYaml.Why(r)}");
        if (status is { } s) sb.AppendLine($"{childPad}# the published rating reads as status: {Claims.Loading.KebabCase.Of(s)}; set the status above when the desk agrees");
        ImportYaml.Fields(sb, r.Review, childPad, withStatus: false);
        after = end;
        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
