namespace FactCheck.Claims.Model;

/// <summary>Where a claim appears: the source, how it is attributed, and the words as printed.</summary>
public sealed record Appearance(
    Reference Source,
    AttributionKind Attribution,
    string Quote,
    string? AttributedAs,
    string? Via,
    IReadOnlyList<DateExpression> Dates,
    Location Location);
