using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// The findings of sessions kept between saves, deduplicated and sorted as <see cref="RuleRunner.Deduplicate"/> does,
/// kept from one save to the next: only the findings that came or went since the last save are placed, so a save that
/// changes a few findings among 65,000 does not sort them all again.
/// </summary>
internal sealed class IncrementalFindings
{
    private readonly Dictionary<Finding, (string Key, int Session)> _keyOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<Finding>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Finding> _winner = new(StringComparer.Ordinal);
    private readonly List<HashSet<Finding>> _bySession = [];
    private List<Finding> _sorted = [];

    /// <summary>The findings now in the sessions, one per rule and set of facts, in <see cref="RuleRunner.FindingOrder"/>.</summary>
    /// <remarks>
    /// The new ones are those the sessions' flag actions logged (<see cref="KeptSessions"/>); one that was there is gone when
    /// its session no longer holds it (truth maintenance retracted it): a look-up per finding, not a walk over every fact.
    /// </remarks>
    public List<Finding> Update(IReadOnlyList<ISession> sessions)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (_bySession.Count < sessions.Count) _bySession.Add(new HashSet<Finding>(ReferenceEqualityComparer.Instance));

        // Each session's findings looked up in it, the sessions side by side (looking up only reads a session).
        var gone = new List<Finding>[sessions.Count];
        Parallel.For(0, sessions.Count, i => gone[i] = [.. _bySession[i].Where(f => !sessions[i].Contains(f))]);
        foreach (var finding in gone.SelectMany(g => g))
        {
            _keyOf.Remove(finding, out var was);
            _bySession[was.Session].Remove(finding);
            var list = _byKey[was.Key];
            list.RemoveAt(list.FindIndex(f => ReferenceEquals(f, finding)));
            if (list.Count == 0) _byKey.Remove(was.Key);
            keys.Add(was.Key);
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            foreach (var finding in KeptSessions.TakeFlagged(sessions[i]))
            {
                if (_keyOf.ContainsKey(finding) || !sessions[i].Contains(finding)) continue;
                var key = RuleRunner.FactSetKey(finding);
                _keyOf[finding] = (key, i);
                _bySession[i].Add(finding);
                if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                list.Add(finding);
                keys.Add(key);
            }
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
