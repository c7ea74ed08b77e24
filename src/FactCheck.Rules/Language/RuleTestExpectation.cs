using FactCheck.Claims.Model;

namespace FactCheck.Rules.Language;

/// <summary>A finding a rule test expects (or rules out): by rule, optionally for one claim and an exact count.</summary>
public sealed record RuleTestExpectation(Reference Rule, string? Claim, int? Count, Location Location)
{
    public override string ToString() =>
        Rule.Id + (Claim is null ? string.Empty : $" on claim '{Claim}'") + (Count is null ? string.Empty : $" x{Count}");
}
