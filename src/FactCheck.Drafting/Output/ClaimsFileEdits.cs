using System.Text;

namespace FactCheck.Drafting.Output;

/// <summary>
/// Insert-only edits to claims files, for <c>draft --into</c> and <c>import claimreview --into</c>: each file is read
/// once, text is only inserted (no existing line is changed or moved, so comments and layout stay as the editor
/// wrote them), and each file is written once with all its insertions.
/// </summary>
internal sealed class ClaimsFileEdits
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Offset, string Text)>> _edits = new(StringComparer.Ordinal);

    /// <summary>A line of a file: its text without the line break, where it starts and where the next one starts.</summary>
    public sealed record Line(string Text, int Start, int End);

    /// <summary>The files that have insertions.</summary>
    public IReadOnlyList<string> Files => [.. _edits.Keys];

    /// <summary>The file's text as it was first read ("" for a file that does not exist yet).</summary>
    public string TextOf(string path)
    {
        if (!_texts.TryGetValue(path, out var t)) _texts[path] = t = File.Exists(path) ? File.ReadAllText(path) : "";
        return t;
    }

    /// <summary>Inserts <paramref name="text"/> at <paramref name="offset"/> of the text <see cref="TextOf"/> read.</summary>
    public void Insert(string path, int offset, string text)
    {
        if (!_edits.TryGetValue(path, out var list)) _edits[path] = list = [];
        list.Add((offset, text));
    }

    /// <summary>
    /// Adds each section's items at the end of that top-level section of <paramref name="path"/>, re-indented to the
    /// items already there; sections the file lacks go at its end under <paramref name="header"/>, and an empty file
    /// gets <paramref name="wholeFile"/>. A section written in flow style takes no lines: it is named in
    /// <paramref name="problems"/> instead.
    /// </summary>
    /// <param name="tool">The command named in a problem ("draft", "import").</param>
    public void AddToSections(
        string path, string shownPath, IReadOnlyList<(string Key, string Items)> sections, string header, string wholeFile, string tool, List<string> problems)
    {
        var target = TextOf(path);
        if (target.Trim().Length == 0)
        {
            Insert(path, 0, wholeFile);
            return;
        }

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
                problems.Add($"{shownPath}:{keyLine + 1}: '{key}:' is written in flow style ({rest}); write it as a block list to let {tool} add to it");
                continue;
            }

            var end = SectionEnd(lines, keyLine);
            var indent = ItemIndent(lines, keyLine, end) ?? "  ";
            Insert(path, EndOffset(lines, end, target), Reindent(items, "  ", indent));
        }

        if (appended.Length > 0) Insert(path, target.Length, (target.EndsWith('\n') ? "" : "\n") + header + appended);
    }

    /// <summary>Writes every file with its insertions (a line break added before text inserted after a last line without one).</summary>
    public void WriteAll()
    {
        foreach (var (path, list) in _edits)
        {
            var text = TextOf(path);
            var sb = new StringBuilder(text);
            foreach (var (offset, insert) in list.OrderByDescending(e => e.Offset))
            {
                sb.Insert(offset, offset > 0 && offset == text.Length && !text.EndsWith('\n') ? "\n" + insert : insert);
            }

            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            Replace(path, sb.ToString());
        }
    }

    /// <summary>
    /// Writes the editor's file whole or not at all: a full disk or a killed process must not leave it cut short. The
    /// text goes to a temporary file beside it (with the file's permissions), flushed to disk and renamed over it; a
    /// link is followed, so the link stays.
    /// </summary>
    private static void Replace(string path, string text)
    {
        var target = new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The temporary file stays; it is hidden and named after the process.
            }

            throw;
        }
    }

    public static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (i < text.Length || start < text.Length) lines.Add(new Line(text[start..i].TrimEnd('\r'), start, i < text.Length ? i + 1 : i));
            start = i + 1;
        }

        return lines;
    }

    public static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>Neither blank nor a comment.</summary>
    public static bool IsContent(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');

    /// <summary>Where text goes after line <paramref name="line"/>: the start of the next line (a newline added at EOF by <see cref="WriteAll"/>).</summary>
    public static int EndOffset(List<Line> lines, int line, string text) => lines.Count == 0 ? 0 : Math.Min(lines[line].End, text.Length);

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
