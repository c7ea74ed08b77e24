using FactCheck.Claims.Model;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Attribution;

/// <summary>What one sentence (or one group of quotations in it) gives: words, who said them, how, and where.</summary>
internal sealed class Utterance(Sentence sentence, AttributionKind kind)
{
    public Sentence Sentence { get; } = sentence;

    public AttributionKind Kind { get; set; } = kind;

    public List<QuoteSpan> Quotes { get; } = [];

    public string Quote { get; set; } = "";

    public List<string> Fragments { get; } = [];

    public string? SpeakerName { get; set; }

    public ClaimantKind SpeakerKind { get; set; } = ClaimantKind.Unknown;

    /// <summary>The role printed at this attribution ("Russia's defence minister"); null when none is printed there.</summary>
    public string? SpeakerRole { get; set; }

    /// <summary>The role the article prints elsewhere for the same person, proposed for a new claim's claimant.</summary>
    public string? ClaimantRole { get; set; }

    public string? AttributedAs { get; set; }

    public string? Via { get; set; }

    public string? Audience { get; set; }

    public string? Place { get; set; }

    public string? Occasion { get; set; }

    public string? Timing { get; set; }

    public string? Hedge { get; set; }

    /// <summary>Each inference the drafter made, to be printed as a comment beside the field it concerns.</summary>
    public List<string> Guesses { get; } = [];

    /// <summary>Where the words start in the article (ordering, line numbers in comments).</summary>
    public int Offset { get; set; }

    /// <summary>Set for the outlet's own sentences: a candidate for the editor, not a finding.</summary>
    public bool Candidate { get; set; }
}
