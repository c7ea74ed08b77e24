using FactCheck.Claims.Model;

namespace FactCheck.Drafting;

/// <summary>One printing drafted from the text: every field is as printed; <see cref="Notes"/> says what was inferred.</summary>
/// <param name="Line">The line of the text it was drafted from.</param>
/// <param name="Speaker">Who the drafter took the speaker to be (the claimant a new claim proposes).</param>
public sealed record DraftedAppearance(
    string Source,
    AttributionKind Attribution,
    string Quote,
    string? AttributedAs,
    string? Via,
    string? SpeakerRole,
    string? Place,
    string? Occasion,
    string? Timing,
    string? Audience,
    string? Hedge,
    IReadOnlyList<string> Fragments,
    IReadOnlyList<DraftedDate> Dates,
    IReadOnlyList<string> Notes,
    int Line,
    string? Speaker = null);
