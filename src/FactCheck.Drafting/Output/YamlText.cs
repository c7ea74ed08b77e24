using System.Globalization;
using System.Text;

namespace FactCheck.Drafting.Output;

/// <summary>Writes YAML scalars: plain where YAML reads them back unchanged as text, double-quoted otherwise.</summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    };

    public static string Scalar(string value)
    {
        if (IsPlainSafe(value)) return value;
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    // Invisible characters are written as escapes so the editor sees them (a no-break space, as printed).
                    if (char.IsControl(c) || c is '\u00A0' or '\u200B' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static bool IsPlainSafe(string v)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(v[0])) return false;
        if (Reserved.Contains(v)) return false;
        if (char.IsDigit(v[0]) || v[0] is '+' or '.') return false; // numbers, dates and times read back as such
        if (v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v.EndsWith(':')) return false;
        foreach (var c in v)
        {
            if (char.IsControl(c) || c is '\u00A0' or '\u200B' or '\u2028' or '\u2029' or '\uFEFF') return false;
        }

        return true;
    }

    /// <summary>A flow sequence of scalars: <c>[a, "b, c"]</c>.</summary>
    public static string Flow(IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Select(v => IsPlainSafe(v) && !v.Contains(',') && !v.Contains('[') && !v.Contains(']') && !v.Contains('{') && !v.Contains('}') ? v : Quoted(v))) + "]";

    private static string Quoted(string v)
    {
        var s = Scalar(v);
        return s.StartsWith('"') ? s : "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A comment's text on one line (newlines folded; a comment cannot hold them).</summary>
    public static string Comment(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
