namespace FactCheck.Rules.Running;

/// <summary>
/// The findings of sessions kept between saves, deduplicated and sorted as <see cref="RuleRunner.Deduplicate"/> does,
/// kept from one save to the next: only the findings that came or went since the last save are placed, so a save that
/// changes a few findings among 65,000 does not sort them all again.
/// </summary>
internal sealed class IncrementalFindings
{
    private readonly Dictionary<Finding, string> _keyOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<Finding>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Finding> _winner = new(StringComparer.Ordinal);
    private List<Finding> _sorted = [];

    /// <summary>The findings now in the sessions, one per rule and set of facts, in <see cref="RuleRunner.FindingOrder"/>.</summary>
    public List<Finding> Update(IEnumerable<IReadOnlyList<Finding>> sessions)
    {
        var now = new HashSet<Finding>(_keyOf.Count + 16, ReferenceEqualityComparer.Instance);
        var added = new List<Finding>();
        foreach (var findings in sessions)
        {
            foreach (var finding in findings)
            {
                if (now.Add(finding) && !_keyOf.ContainsKey(finding)) added.Add(finding);
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (now.Count - added.Count != _keyOf.Count)
        {
            var gone = new List<Finding>();
            foreach (var finding in _keyOf.Keys)
            {
                if (!now.Contains(finding)) gone.Add(finding);
            }

            foreach (var finding in gone)
            {
                _keyOf.Remove(finding, out var key);
                var list = _byKey[key!];
                list.RemoveAt(list.FindIndex(f => ReferenceEquals(f, finding)));
                if (list.Count == 0) _byKey.Remove(key!);
                keys.Add(key!);
            }
        }

        foreach (var finding in added)
        {
            var key = RuleRunner.FactSetKey(finding);
            _keyOf[finding] = key;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(finding);
            keys.Add(key);
        }

        // The first of each set of facts in finding order stands for it (a symmetric rule's (a, b) and (b, a)).
        var dropped = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var placed = new List<Finding>();
        foreach (var key in keys)
        {
            _winner.TryGetValue(key, out var was);
            Finding? winner = null;
            if (_byKey.TryGetValue(key, out var list))
            {
                foreach (var finding in list)
                {
                    if (winner is null || RuleRunner.FindingOrder(finding, winner) < 0) winner = finding;
                }
            }

            if (ReferenceEquals(was, winner)) continue;
            if (was is not null) dropped.Add(was);
            if (winner is not null)
            {
                placed.Add(winner);
                _winner[key] = winner;
            }
            else
            {
                _winner.Remove(key);
            }
        }

        if (dropped.Count > 0 || placed.Count > 0)
        {
            placed.Sort(RuleRunner.FindingOrder);
            var merged = new List<Finding>(_sorted.Count - dropped.Count + placed.Count);
            var j = 0;
            foreach (var finding in _sorted)
            {
                if (dropped.Contains(finding)) continue;
                while (j < placed.Count && RuleRunner.FindingOrder(placed[j], finding) < 0) merged.Add(placed[j++]);
                merged.Add(finding);
            }

            while (j < placed.Count) merged.Add(placed[j++]);
            _sorted = merged;
        }

        return [.. _sorted];
    }
}
