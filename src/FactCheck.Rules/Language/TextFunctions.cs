using System.Runtime.CompilerServices;
using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Language;

/// <summary>Text checks that would be costly written as plain expressions over long source texts.</summary>
public static class TextFunctions
{
    // A source's stored text is matched against every quote that cites it: normalise it once per string instance.
    private static readonly ConditionalWeakTable<string, string> NormalizedTexts = new();

    /// <summary>
    /// True when <paramref name="quote"/> occurs in <paramref name="text"/> once both are normalised (curly
    /// quotes, dashes, whitespace and case); null when either is missing.
    /// </summary>
    public static bool? QuoteFound(string? quote, string? text)
    {
        if (quote is null || text is null) return null;
        var haystack = NormalizedTexts.GetValue(text, t => ExpressionFunctions.NormalizeQuote(t) ?? string.Empty);
        var needle = ExpressionFunctions.NormalizeQuote(quote)!.Trim('"', '\'', ' ', '.', ',');
        return haystack.Contains(needle, StringComparison.Ordinal);
    }

    /// <summary>
    /// True when every quoted fragment occurs in <paramref name="text"/> (normalised as for <see cref="QuoteFound"/>);
    /// null when the text is missing; true when there are no fragments.
    /// </summary>
    public static bool? FragmentsFound(IReadOnlyList<string>? fragments, string? text)
    {
        if (text is null) return null;
        if (fragments is null) return true;
        foreach (var fragment in fragments)
        {
            if (QuoteFound(fragment, text) == false) return false;
        }

        return true;
    }
}
