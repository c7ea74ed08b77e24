namespace FactCheck.Claims.Loading;

/// <summary>
/// Compares printed words the way a reader does: case, curly or straight quotes, dashes and runs of spaces do not
/// matter. The rules have a fuller normaliser; the loader needs only this to check a fragment lies in its sentence.
/// </summary>
internal static class QuoteText
{
    public static bool Contains(string text, string part)
    {
        var needle = Normalize(part).Trim('"', '\'', ' ');
        return needle.Length == 0 || Normalize(text).Contains(needle, StringComparison.Ordinal);
    }

    private static string Normalize(string s)
    {
        var chars = new char[s.Length];
        var n = 0;
        var space = false;
        foreach (var raw in s)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = n > 0;
                continue;
            }

            if (space) chars[n++] = ' ';
            space = false;
            chars[n++] = raw switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(raw),
            };
        }

        return new string(chars, 0, n);
    }
}
