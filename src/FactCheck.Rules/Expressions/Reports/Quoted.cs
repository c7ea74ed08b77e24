namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// A recorded text put in quote marks in a message. Quotes often hold quote marks of their own (an outlet's
/// "military bloc"): marks that do not occur in the text are used, so a reader sees where it begins and ends.
/// </summary>
internal static class Quoted
{
    public static string Text(string text) =>
        !text.Contains('"') ? $"\"{text}\""
        : !text.Contains('“') && !text.Contains('”') ? $"“{text}”"
        : !text.Contains('«') && !text.Contains('»') ? $"«{text}»"
        : $"\"{text}\"";
}
