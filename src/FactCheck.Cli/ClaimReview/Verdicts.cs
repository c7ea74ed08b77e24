using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// The review status a published rating's words stand for. Fact-checkers' scales differ ("Pants on Fire", "Four
/// Pinocchios", "Missing context"); the common words are mapped, anything else is left for the editor to set.
/// </summary>
internal static class Verdicts
{
    private static readonly Dictionary<string, ReviewStatus> Words = new(StringComparer.Ordinal)
    {
        ["false"] = ReviewStatus.False, ["fake"] = ReviewStatus.False, ["incorrect"] = ReviewStatus.False, ["wrong"] = ReviewStatus.False,
        ["pants on fire"] = ReviewStatus.False, ["fabricated"] = ReviewStatus.False, ["hoax"] = ReviewStatus.False, ["not true"] = ReviewStatus.False,
        ["four pinocchios"] = ReviewStatus.False, ["totally false"] = ReviewStatus.False, ["altered"] = ReviewStatus.False,
        ["misleading"] = ReviewStatus.Misleading, ["half true"] = ReviewStatus.Misleading, ["mostly false"] = ReviewStatus.Misleading,
        ["partly false"] = ReviewStatus.Misleading, ["partially false"] = ReviewStatus.Misleading, ["missing context"] = ReviewStatus.Misleading,
        ["lacks context"] = ReviewStatus.Misleading, ["needs context"] = ReviewStatus.Misleading, ["out of context"] = ReviewStatus.Misleading,
        ["exaggerated"] = ReviewStatus.Misleading, ["distorted"] = ReviewStatus.Misleading, ["mixture"] = ReviewStatus.Misleading,
        ["three pinocchios"] = ReviewStatus.Misleading, ["two pinocchios"] = ReviewStatus.Misleading, ["cherry picked"] = ReviewStatus.Misleading,
        ["true"] = ReviewStatus.True, ["correct"] = ReviewStatus.True, ["accurate"] = ReviewStatus.True, ["mostly true"] = ReviewStatus.True,
        ["unproven"] = ReviewStatus.Unproven, ["unsupported"] = ReviewStatus.Unproven, ["no evidence"] = ReviewStatus.Unproven,
        ["unverified"] = ReviewStatus.Unproven, ["unsubstantiated"] = ReviewStatus.Unproven, ["unverifiable"] = ReviewStatus.Unproven,
        ["disputed"] = ReviewStatus.Disputed, ["contested"] = ReviewStatus.Disputed,
    };

    /// <summary>The status the words stand for; null when they are not one of the common ratings.</summary>
    public static ReviewStatus? StatusOf(string rating)
    {
        var folded = string.Join(' ', rating.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', ' ');
        return Words.TryGetValue(folded, out var status) ? status : null;
    }
}
