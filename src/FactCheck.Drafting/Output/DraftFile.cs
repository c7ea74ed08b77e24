using System.Text;
using static FactCheck.Drafting.Output.ClaimsFileEdits;

namespace FactCheck.Drafting.Output;

/// <summary>
/// Adds a draft to claims files by inserting text only: new sources, propositions and claims go at the end of their
/// sections in the target file (sections it lacks are added at its end); new appearances of recorded claims go at the
/// end of those claims' <c>appearances:</c> in whatever file holds them. No existing line is changed or moved, so
/// comments and layout stay as the editor wrote them.
/// </summary>
public static class DraftFile
{
    /// <summary>What was written where.</summary>
    public sealed record Result(IReadOnlyList<string> FilesWritten, int Claims, int Appearances, IReadOnlyList<string> Problems);

    /// <param name="into">The claims file new items go to (created if missing).</param>
    /// <param name="resolve">Maps a recorded claim's file (as the loader names it) to its path on disk.</param>
    public static Result Append(Draft draft, string into, Func<string, string> resolve, string? origin = null)
    {
        var problems = new List<string>();
        var edits = new ClaimsFileEdits();
        var intoFull = Path.GetFullPath(into);

        // New items into the target file.
        var body = DraftYaml.Body(draft);
        var header = $"# Drafted by `factcheck draft`{(origin is null ? "" : " from " + YamlText.Comment(origin))} for source '{draft.Request.SourceId}'; guesses are marked in comments.\n";
        edits.AddToSections(intoFull, into, SplitSections(body), header, header + body, "draft", problems);

        // New appearances under recorded claims, wherever they live.
        var added = 0;
        foreach (var m in draft.Matched)
        {
            var path = Path.GetFullPath(resolve(m.ClaimFile));
            var text = edits.TextOf(path);
            var lines = Lines(text);
            var at = AppearancesEnd(lines, m.ClaimLine - 1, out var indent);
            if (at < 0)
            {
                problems.Add($"{m.ClaimFile}:{m.ClaimLine}: could not find the appearances of '{m.ClaimId}' to add the drafted one; add it by hand");
                continue;
            }

            var sb = new StringBuilder();
            sb.Append(indent).Append($"# drafted: similarity {m.Similarity:0.00}; drift from the recorded printing: {YamlText.Comment(m.Drift)}\n");
            DraftYaml.Appearance(sb, m.Appearance, indent);
            edits.Insert(path, EndOffset(lines, at, text), sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
            added++;
        }

        edits.WriteAll();
        return new Result(edits.Files, draft.Claims.Count, added, problems);
    }

    /// <summary>
    /// The last content line of the claim's <c>appearances:</c> block, the claim being the sequence item whose
    /// mapping starts on <paramref name="claimLine"/>; -1 when not found.
    /// </summary>
    private static int AppearancesEnd(List<Line> lines, int claimLine, out string itemIndent)
    {
        itemIndent = "      ";
        if (claimLine < 0 || claimLine >= lines.Count) return -1;

        // The claim's own indentation: its "- " line (the loader points at the mapping, after the dash).
        var claimIndent = Indent(lines[claimLine].Text);
        var key = -1;
        var keyIndent = 0;
        for (var i = claimLine + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (!IsContent(t)) continue;
            if (Indent(t) <= claimIndent) break;
            if (t.TrimStart().StartsWith("appearances:", StringComparison.Ordinal))
            {
                key = i;
                keyIndent = Indent(t);
                break;
            }
        }

        if (key < 0) return -1;
        var last = key;
        for (var i = key + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (!IsContent(t)) continue;
            var indent = Indent(t);
            if (indent < keyIndent || (indent == keyIndent && !t.TrimStart().StartsWith("- ", StringComparison.Ordinal))) break;
            if (last == key && t.TrimStart().StartsWith("- ", StringComparison.Ordinal)) itemIndent = new string(' ', indent);
            last = i;
        }

        return last == key ? -1 : last;
    }

    /// <summary>The body split into its top-level sections, each section's items as text.</summary>
    private static List<(string Key, string Items)> SplitSections(string body)
    {
        var result = new List<(string, StringBuilder)>();
        foreach (var line in body.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (!line.StartsWith(' ') && line.EndsWith(':'))
            {
                result.Add((line[..^1], new StringBuilder()));
                continue;
            }

            result[^1].Item2.Append(line).Append('\n');
        }

        return result.Select(r => (r.Item1, r.Item2.ToString())).ToList();
    }
}
