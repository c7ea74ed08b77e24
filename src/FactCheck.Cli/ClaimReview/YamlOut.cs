using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// YAML scalars for imported text (strangers' pages): plain where YAML reads the text back unchanged, else a
/// double-quoted JSON string, which YAML reads as the same text (JSON's escapes are YAML's). The drafting project has
/// its own writer, internal to it.
/// </summary>
internal static class YamlOut
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n" };

    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Scalar(string value) => IsPlain(value) ? value : JsonSerializer.Serialize(value, Quoted);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for a comment: one line.</summary>
    public static string Comment(string text) => string.Join(' ', text.Split(['\r', '\n', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));

    public static string Flow(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => JsonSerializer.Serialize(v, Quoted))) + "]";

    private static bool IsPlain(string v)
    {
        if (v.Length == 0 || v.Length > 200 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(v[0]) || char.IsDigit(v[0]) || v[0] is '+' or '.') return false;
        if (Reserved.Contains(v) || v.EndsWith(':') || v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal)) return false;
        return v.All(c => !char.IsControl(c) && c is not ('\u00A0' or '\u200B' or '\u2028' or '\u2029' or '\uFEFF' or '\u0085'));
    }
}
