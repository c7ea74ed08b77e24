using System.Text;

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
        var edits = new Dictionary<string, List<(int Offset, string Text)>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var intoFull = Path.GetFullPath(into);

        string TextOf(string path)
        {
            if (!texts.TryGetValue(path, out var t)) texts[path] = t = File.Exists(path) ? File.ReadAllText(path) : "";
            return t;
        }

        void Insert(string path, int offset, string text)
        {
            if (!edits.TryGetValue(path, out var list)) edits[path] = list = [];
            list.Add((offset, text));
        }

        // New items into the target file.
        var target = TextOf(intoFull);
        var body = DraftYaml.Body(draft);
        var sections = SplitSections(body);
        var header = $"# Drafted by `factcheck draft`{(origin is null ? "" : " from " + YamlText.Comment(origin))} for source '{draft.Request.SourceId}'; guesses are marked in comments.\n";
        if (target.Trim().Length == 0)
        {
            Insert(intoFull, 0, header + body);
        }
        else
        {
            var lines = Lines(target);
            var appended = new StringBuilder();
            foreach (var (key, items) in sections)
            {
                var keyLine = lines.FindIndex(l => l.Text.StartsWith(key + ":", StringComparison.Ordinal));
                if (keyLine < 0)
                {
                    appended.Append(key).Append(":\n").Append(items);
                    continue;
                }

                var rest = lines[keyLine].Text[(key.Length + 1)..].Trim();
                if (rest.Length > 0 && !rest.StartsWith('#'))
                {
                    problems.Add($"{into}:{keyLine + 1}: '{key}:' is written in flow style ({rest}); write it as a block list to let draft add to it");
                    continue;
                }

                var end = SectionEnd(lines, keyLine);
                var indent = ItemIndent(lines, keyLine, end) ?? "  ";
                Insert(intoFull, EndOffset(lines, end, target), Reindent(items, "  ", indent));
            }

            if (appended.Length > 0)
            {
                var sep = target.EndsWith('\n') ? "" : "\n";
                Insert(intoFull, target.Length, sep + header + appended);
            }
        }

        // New appearances under recorded claims, wherever they live.
        var added = 0;
        foreach (var m in draft.Matched)
        {
            var path = Path.GetFullPath(resolve(m.ClaimFile));
            var text = TextOf(path);
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
            Insert(path, EndOffset(lines, at, text), sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
            added++;
        }

        foreach (var (path, list) in edits)
        {
            var text = TextOf(path);
            var sb = new StringBuilder(text);
            foreach (var (offset, insert) in list.OrderByDescending(e => e.Offset))
            {
                var piece = insert;
                if (offset > 0 && offset == text.Length && !text.EndsWith('\n')) piece = "\n" + piece;
                sb.Insert(offset, piece);
            }

            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllText(path, sb.ToString());
        }

        return new Result(edits.Keys.ToList(), draft.Claims.Count, added, problems);
    }

    private sealed record Line(string Text, int Start, int End);

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var end = i;
            var content = text[start..end].TrimEnd('\r');
            if (i < text.Length || start < text.Length) lines.Add(new Line(content, start, i < text.Length ? i + 1 : i));
            start = i + 1;
        }

        return lines;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static bool IsContent(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');

    /// <summary>The last content line of the block under a top-level key (comments before the next key belong to it).</summary>
    private static int SectionEnd(List<Line> lines, int keyLine)
    {
        var last = keyLine;
        for (var i = keyLine + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (!IsContent(t)) continue;
            if (Indent(t) == 0 && !t.StartsWith('-')) break;
            if (t.StartsWith("---", StringComparison.Ordinal) || t.StartsWith("...", StringComparison.Ordinal)) break;
            last = i;
        }

        return last;
    }

    private static string? ItemIndent(List<Line> lines, int from, int to)
    {
        for (var i = from + 1; i <= to; i++)
        {
            var t = lines[i].Text;
            if (IsContent(t) && t.TrimStart().StartsWith("- ", StringComparison.Ordinal)) return new string(' ', Indent(t));
        }

        return null;
    }

    /// <summary>Where text goes after line <paramref name="line"/>: the start of the next line (a newline added at EOF by the caller).</summary>
    private static int EndOffset(List<Line> lines, int line, string text) => Math.Min(lines[line].End, text.Length);

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

    private static string Reindent(string items, string from, string to)
    {
        if (from == to) return items;
        var sb = new StringBuilder();
        foreach (var line in items.Split('\n'))
        {
            if (line.Length == 0) continue;
            sb.Append(line.StartsWith(from, StringComparison.Ordinal) ? to + line[from.Length..] : line).Append('\n');
        }

        return sb.ToString();
    }
}
