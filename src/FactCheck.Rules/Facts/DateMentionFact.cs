namespace FactCheck.Rules.Facts;

/// <summary>
/// A date expression as printed in an appearance, resolved against its source's publication date and
/// checked against the date the claim records. Resolution never guesses: unresolved mentions say why.
/// </summary>
/// <param name="Reference">The source's publication date, the anchor for "on Wednesday" or "in June".</param>
/// <param name="Resolved">The date the expression stands for, when it resolves to one.</param>
/// <param name="Start">First day of the span the expression covers, when resolved.</param>
/// <param name="End">Last day of the span the expression covers, when resolved.</param>
/// <param name="ClaimDate">The date the claim records in <c>made.date</c>.</param>
/// <param name="IsWhenMade">True when this is the expression the claim's <c>made.text</c> records: it says when the claim was made.</param>
/// <param name="ClaimGroup">The claim's <c>same_as</c> group (see <see cref="ClaimFact.Group"/>).</param>
/// <param name="Fit"><c>fits</c>, <c>does-not-fit</c> or <c>unknown</c> for the when-made expression against <paramref name="ClaimDate"/>; <c>not-checked</c> for other mentions.</param>
public sealed record DateMentionFact(
    string ClaimId,
    int AppearanceIndex,
    string SourceId,
    string Text,
    string? Reference,
    bool IsResolved,
    string? Resolved,
    string? Start,
    string? End,
    bool Approximate,
    string? Rule,
    string? Reason,
    string? ClaimDate,
    bool IsWhenMade,
    string Fit,
    string FitReason,
    string File,
    int Line,
    int Column,
    string ClaimGroup = "") : IFact
{
    public string Key => $"date:{ClaimId}#{AppearanceIndex}:{Text}";
}
