namespace FactCheck.Report;

/// <summary>The attribution kinds an appearance may carry, spelled as in the claims YAML.</summary>
public static class AttributionKinds
{
    public const string DirectQuote = "direct-quote";
    public const string Paraphrase = "paraphrase";
    public const string Reported = "reported";
    public const string Unattributed = "unattributed";

    public static IReadOnlyList<string> All { get; } = [DirectQuote, Paraphrase, Reported, Unattributed];
}
