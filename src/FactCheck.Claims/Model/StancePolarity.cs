namespace FactCheck.Claims.Model;

/// <summary>Whether a claim asserts or denies a proposition.</summary>
public enum StancePolarity
{
    Asserts,
    Denies,
}
