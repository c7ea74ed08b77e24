namespace FactCheck.Rules.Running;

/// <summary>
/// Findings equal when they are of one rule over the same facts in any order, as <see cref="RuleRunner.FactSetKey"/>'s
/// strings are equal: what deduplicating a run's findings compares, without building a string per finding. A finding
/// binds a handful of facts, so the keys are matched by counting rather than sorted copies.
/// </summary>
internal sealed class FactSetComparer : IEqualityComparer<Finding>
{
    public static readonly FactSetComparer Instance = new();

    public bool Equals(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || !string.Equals(x.RuleId, y.RuleId, StringComparison.Ordinal)) return false;
        var a = x.FactKeys;
        var b = y.FactKeys;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (Count(a, a[i]) != Count(b, a[i])) return false;
        }

        return true;
    }

    public int GetHashCode(Finding obj)
    {
        // The keys' hashes summed: the same whatever their order.
        var keys = 0;
        foreach (var key in obj.FactKeys) keys += StringComparer.Ordinal.GetHashCode(key);
        return HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.RuleId), keys);
    }

    private static int Count(IReadOnlyList<string> keys, string key)
    {
        var n = 0;
        foreach (var k in keys)
        {
            if (string.Equals(k, key, StringComparison.Ordinal)) n++;
        }

        return n;
    }
}
