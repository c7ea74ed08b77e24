namespace FactCheck.Claims.Model;

/// <summary>The fact-checker's verdict on a claim.</summary>
public enum ReviewStatus
{
    Unreviewed,
    InReview,
    True,
    False,
    Misleading,
    Unproven,
    Disputed,
}
