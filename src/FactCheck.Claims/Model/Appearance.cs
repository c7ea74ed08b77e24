namespace FactCheck.Claims.Model;

/// <summary>
/// Where a claim appears: the source, how it is attributed, the words as printed, and the circumstances that
/// source gives for them (where, on what occasion, to whom, in what role).
/// </summary>
/// <param name="Via">The intermediary the words come through (a transcription, a ministry, an agency); on a
/// direct quote it makes the quote second-hand.</param>
/// <param name="SpeakerRole">The speaker's role or title as this source prints it.</param>
/// <param name="Place">Where the words were said, as this source gives it.</param>
/// <param name="Occasion">The event the words belong to, as printed.</param>
/// <param name="Timing">When, relative to <paramref name="Occasion"/>, the words were said.</param>
/// <param name="Audience">To whom the words were said, as printed.</param>
/// <param name="Hedge">A hedge this printing carries ("likely", "reportedly"); null when stated flatly.</param>
/// <param name="Fragments">Quoted fragments inside a paraphrased or reported sentence, as printed between the quote marks.</param>
public sealed record Appearance(
    Reference Source,
    AttributionKind Attribution,
    string Quote,
    string? AttributedAs,
    string? Via,
    IReadOnlyList<DateExpression> Dates,
    Location Location,
    string? SpeakerRole = null,
    string? Place = null,
    string? Occasion = null,
    EventTiming? Timing = null,
    string? Audience = null,
    string? Hedge = null,
    IReadOnlyList<string>? Fragments = null)
{
    /// <summary>The fragments, empty when none were recorded.</summary>
    public IReadOnlyList<string> QuotedFragments => Fragments ?? [];
}
