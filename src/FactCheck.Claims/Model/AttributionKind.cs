namespace FactCheck.Claims.Model;

/// <summary>How an appearance attributes the claim to its claimant.</summary>
public enum AttributionKind
{
    DirectQuote,
    Paraphrase,
    Reported,
    Unattributed,
}
