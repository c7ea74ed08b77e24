namespace FactCheck.Claims.Model;

/// <summary>Who made a claim.</summary>
public enum ClaimantKind
{
    Person,
    Organisation,
    Document,
    Outlet,
    Unknown,
}
