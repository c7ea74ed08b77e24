using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Tests.Reports;

/// <summary>Facts for the report functions' tests, with only the fields that matter spelled out.</summary>
internal static class Make
{
    public static AppearanceFact Quote(string source, string quote, bool primary = false, string? origin = null, string claim = "c1", string claimant = "P") =>
        new(claim, 1, source, "direct-quote", quote, null, null, null, null, origin ?? source, "f.yaml", 1, 1, claimant, claim, SourcePrimary: primary, QuoteKey: quote);

    public static AppearanceFact Reported(string source, string sentence, params string[] fragments) =>
        new("c1", 1, source, "reported", sentence, null, null, null, null, source, "f.yaml", 1, 1, "P", "c1", Fragments: fragments);

    public static AppearanceFact At(string source, string? place = null, string? occasion = null, string? timing = null, string? audience = null, string? role = null, string? hedge = null, bool primary = false) =>
        new("c1", 1, source, "paraphrase", "q", null, null, null, null, source, "f.yaml", 1, 1, "P", "c1", role, place, occasion, timing, audience, hedge, SourcePrimary: primary);

    public static StanceFact Stance(string claim, string claimant, string polarity, string proposition = "p", string? via = null, string status = "unreviewed") =>
        new(claim, proposition, polarity, null, claimant, null, status, via, "f.yaml", 1, 1);

    public static SourceFact Source(string id, string kind, string? text, string? published = "2023-11-08", string? lineage = null, string[]? credits = null) =>
        new(id, kind, null, null, null, null, null, null, published, text, null, id, "f.yaml", 1, 1, Credits: credits, Lineage: lineage ?? id);

    public static DateMentionFact Date(string source, string text, string resolved, bool whenMade = false, string reference = "2023-11-08") =>
        new("c1", 1, source, text, reference, true, resolved, null, null, false, null, null, null, whenMade, "not-checked", "", "f.yaml", 1, 1, "c1");
}
