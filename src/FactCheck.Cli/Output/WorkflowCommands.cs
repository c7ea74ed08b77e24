using System.Text;

namespace FactCheck.Cli.Output;

/// <summary>
/// Escaping for GitHub Actions workflow commands (<c>::error file=...,title=...::message</c>), by GitHub's
/// rules (the runner's <c>ActionCommand</c>): in data <c>%</c>, CR and LF become <c>%25</c>, <c>%0D</c>,
/// <c>%0A</c>; property values also escape <c>:</c> and <c>,</c>. The log viewer renders ANSI escapes, so
/// ESC, BEL and the other controls are written visibly (as <see cref="TerminalText"/> does) before that.
/// </summary>
internal static class WorkflowCommands
{
    /// <summary>A command's message. CR and LF stay real line breaks inside the annotation (as <c>%0D</c>/<c>%0A</c>).</summary>
    public static string Data(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '%': escaped.Append("%25"); break;
                case '\r': escaped.Append("%0D"); break;
                case '\n': escaped.Append("%0A"); break;
                default:
                    if (TerminalText.IsUnsafe(c)) escaped.Append(TerminalText.Escape(c.ToString()));
                    else escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>A property value (<c>file=</c>, <c>title=</c>): <c>,</c> would start the next property and <c>::</c> end them.</summary>
    public static string Property(string? value) => Data(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// A line of plain log text (not a command). The runner reads any line starting with <c>::</c> (after
    /// blanks) as a command, so such a line gets a leading <c>\</c>; controls are written visibly.
    /// </summary>
    public static string PlainLine(string? value)
    {
        var line = TerminalText.Escape(value);
        return line.TrimStart().StartsWith("::", StringComparison.Ordinal) ? "\\" + line : line;
    }
}
