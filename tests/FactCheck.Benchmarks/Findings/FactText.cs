using FactCheck.Rules.Facts;

namespace FactCheck.Benchmarks.Findings;

/// <summary>
/// A fact as one line of text: its record text, with the lists a record shows only by type spelled out. Shared by
/// `rulerun --dump` and the test that holds generated corpora to recorded facts (linked into FactCheck.Rules.Tests),
/// so that a dump and a digest always describe the same thing.
/// </summary>
internal static class FactText
{
    public static string Of(IFact fact)
    {
        var lists = fact switch
        {
            AppearanceFact a => " fragments=[" + string.Join("|", a.QuotedFragments) + "]",
            SourceFact s => " credits=[" + string.Join("|", s.Credits ?? []) + "]",
            _ => string.Empty,
        };
        return fact + lists;
    }
}
