using FactCheck.Rules.Expressions.Reports;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Running;

/// <summary>A run keeps one finding per rule and set of facts, compared in place rather than as a key string.</summary>
public sealed class FindingDeduplicationTests
{
    private static Finding F(string rule, string message, params string[] keys) =>
        new(rule, RuleSeverity.Warning, message, "f.yaml", 1, 1, keys, [], []);

    [Fact]
    public void The_same_facts_in_any_order_are_one_finding_the_first_in_finding_order()
    {
        var ab = F("r", "b then a", "claim:b", "claim:a");
        var ba = F("r", "a then b", "claim:a", "claim:b");
        var other = F("s", "other rule", "claim:a", "claim:b");
        var kept = RuleRunner.Deduplicate([ab, other, ba]);
        Assert.Equal([ba, other], kept);
        Assert.Equal(RuleRunner.FactSetKey(ab), RuleRunner.FactSetKey(ba));
        Assert.True(FactSetComparer.Instance.Equals(ab, ba));
        Assert.Equal(FactSetComparer.Instance.GetHashCode(ab), FactSetComparer.Instance.GetHashCode(ba));
    }

    [Fact]
    public void Keys_are_compared_as_a_multiset_as_the_key_strings_are()
    {
        var aab = F("r", "m", "claim:a", "claim:a", "claim:b");
        var abb = F("r", "m", "claim:a", "claim:b", "claim:b");
        var ab = F("r", "m", "claim:a", "claim:b");
        Assert.False(FactSetComparer.Instance.Equals(aab, abb));
        Assert.False(FactSetComparer.Instance.Equals(ab, aab));
        Assert.NotEqual(RuleRunner.FactSetKey(aab), RuleRunner.FactSetKey(abb));
        Assert.Equal(3, RuleRunner.Deduplicate([aab, abb, ab]).Count);
    }

    [Fact]
    public void A_listing_names_each_item_once_in_order_past_the_size_where_a_set_takes_over()
    {
        var items = Enumerable.Range(0, 40).Select(i => $"s{i % 20}").ToList();
        Assert.Equal("s0, s1, s2, s3, s4 and 15 more", Listing.Of(items));
        Assert.Equal(string.Join(", ", Enumerable.Range(0, 20).Select(i => $"s{i}")), Listing.Of(items, shown: 20));
        Assert.Equal("b, a", Listing.Of(["b", "a", "b", "a"]));
    }
}
