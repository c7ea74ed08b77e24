using System.Text;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Conflicts over one proposition, grouped: one report for all the claims that assert it against all that deny it
/// (5,000 on each side is one report with counts, found in one pass, not 25 million pairs).
/// </summary>
internal static class StanceConflicts
{
    /// <summary>Different claimants take opposite stances; null when they do not.</summary>
    public static string? Opposite(IReadOnlyList<StanceFact>? stances)
    {
        if (stances is null || stances.Count < 2) return null;
        // One pass decides (a rule's condition asks for every proposition): both sides taken, by two claimants at least,
        // since one claimant on both sides and no one else is a self-contradiction. The sides are listed only then.
        int asserts = 0, denies = 0;
        string? claimant = null;
        var one = true;
        foreach (var s in stances)
        {
            if (s.Polarity == "asserts") asserts++;
            else if (s.Polarity == "denies") denies++;
            else continue;
            if (asserts + denies == 1) claimant = s.Claimant;
            else if (one && !string.Equals(claimant, s.Claimant, StringComparison.Ordinal)) one = false;
        }

        if (asserts == 0 || denies == 0 || one) return null;
        var asserting = new List<StanceFact>(asserts);
        var denying = new List<StanceFact>(denies);
        foreach (var s in stances)
        {
            if (s.Polarity == "asserts") asserting.Add(s);
            else if (s.Polarity == "denies") denying.Add(s);
        }

        return $"'{stances[0].Proposition}' is asserted by {Side(asserting)} and denied by {Side(denying)}";
    }

    /// <summary>Claimants who both assert and deny the proposition (in different claims); null when none does.</summary>
    public static string? SelfContradiction(IReadOnlyList<StanceFact>? stances)
    {
        if (stances is null || stances.Count < 2 || (stances.Count <= 32 && !AnyOnBothSides(stances))) return null;
        var lines = new List<string>();
        foreach (var byClaimant in stances.GroupBy(s => s.Claimant, StringComparer.Ordinal))
        {
            var asserts = byClaimant.Where(s => s.Polarity == "asserts").ToList();
            var denies = byClaimant.Where(s => s.Polarity == "denies").ToList();
            if (asserts.Count == 0 || denies.Count == 0) continue;
            if (asserts.Select(s => s.ClaimId).Concat(denies.Select(s => s.ClaimId)).Distinct(StringComparer.Ordinal).Count() < 2) continue;
            lines.Add($"{byClaimant.Key} asserts it in {Claims(asserts)} and denies it in {Claims(denies)}");
        }

        return lines.Count == 0 ? null : $"'{stances[0].Proposition}': {string.Join("; ", lines)}";
    }

    /// <summary>Whether a claimant both asserts and denies (a look at each pair: for the few stances most propositions have).</summary>
    private static bool AnyOnBothSides(IReadOnlyList<StanceFact> stances)
    {
        for (var i = 0; i < stances.Count; i++)
        {
            if (stances[i].Polarity != "asserts") continue;
            for (var j = 0; j < stances.Count; j++)
            {
                if (stances[j].Polarity == "denies" && string.Equals(stances[i].Claimant, stances[j].Claimant, StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Conflicts reached through implies/excludes edges at <paramref name="proposition"/>: stances derived there (from
    /// an origin proposition) against direct stances of other claims. Each conflict shows at both of its ends; it is
    /// reported at the end whose origin sorts first, so once. Null when there is none.
    /// </summary>
    public static string? ThroughEdges(
        string? proposition, IReadOnlyList<StanceFact>? derived, IReadOnlyList<StanceFact>? direct, IReadOnlyList<PropositionEdgeFact>? edges)
    {
        if (proposition is null || derived is null || direct is null || derived.Count == 0 || direct.Count == 0) return null;
        var parts = new List<string>();
        foreach (var byOrigin in derived.Where(d => d.Via is not null && string.CompareOrdinal(d.Via, proposition) <= 0)
                     .GroupBy(d => (Origin: d.Via!, d.Polarity)))
        {
            var claims = byOrigin.Select(d => d.ClaimId).ToHashSet(StringComparer.Ordinal);
            var opposed = direct.Where(t => t.Polarity != byOrigin.Key.Polarity && !(claims.Count == 1 && claims.Contains(t.ClaimId))).ToList();
            if (opposed.Count == 0) continue;
            var chain = Chain(byOrigin.Key.Origin, proposition, byOrigin.Key.Polarity, edges ?? []);
            var originPolarity = chain.OriginPolarity ?? "take a stance on";
            parts.Add(
                $"{Side(byOrigin.ToList())} {Verb(originPolarity, byOrigin.Count())} '{byOrigin.Key.Origin}', so by {chain.Text} " +
                $"{(byOrigin.Count() == 1 ? "it" : "they")} {Verb(byOrigin.Key.Polarity, byOrigin.Count())} '{proposition}', which {Side(opposed)} {Verb(opposed[0].Polarity, opposed.Count)}");
        }

        return parts.Count == 0 ? null : string.Join(" | ", parts);
    }

    /// <summary>
    /// Whether <see cref="ThroughEdges"/> has anything to report, in one linear pass without building the report:
    /// a derived stance (from an origin sorting no later than the proposition) meets an opposite direct stance of
    /// another claim.
    /// </summary>
    public static bool ThroughEdgesExists(string? proposition, IReadOnlyList<StanceFact>? derived, IReadOnlyList<StanceFact>? direct)
    {
        if (proposition is null || derived is null || direct is null || derived.Count == 0 || direct.Count == 0) return false;
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var byClaim = new Dictionary<(string, string), int>();
        foreach (var t in direct)
        {
            total[t.Polarity] = total.GetValueOrDefault(t.Polarity) + 1;
            byClaim[(t.ClaimId, t.Polarity)] = byClaim.GetValueOrDefault((t.ClaimId, t.Polarity)) + 1;
        }

        foreach (var d in derived)
        {
            if (d.Via is null || string.CompareOrdinal(d.Via, proposition) > 0) continue;
            foreach (var (polarity, count) in total)
            {
                if (polarity != d.Polarity && count > byClaim.GetValueOrDefault((d.ClaimId, polarity))) return true;
            }
        }

        return false;
    }

    private static string Verb(string polarity, int count) =>
        polarity switch
        {
            "asserts" => count == 1 ? "asserts" : "assert",
            "denies" => count == 1 ? "denies" : "deny",
            _ => polarity,
        };

    private static string Side(List<StanceFact> stances)
    {
        var claims = stances.Select(s => s.ClaimId).Distinct(StringComparer.Ordinal).Count();
        var shown = stances.DistinctBy(s => s.ClaimId).Select(s => $"{s.Claimant} ({s.ClaimId})");
        return claims == 1 ? $"{Listing.Of(shown)}" : $"{claims} claims: {Listing.Of(shown)}";
    }

    private static string Claims(List<StanceFact> stances) =>
        Listing.Of(stances.Select(s => s.MadeDate is null ? s.ClaimId : $"{s.ClaimId}, {s.MadeDate}"));

    private readonly record struct ChainPath(string Text, string? OriginPolarity);

    /// <summary>The edges leading from the origin's stance to the derived one (breadth-first, so the shortest chain).</summary>
    private static ChainPath Chain(string origin, string target, string targetPolarity, IReadOnlyList<PropositionEdgeFact> edges)
    {
        var implies = edges.Where(e => e.Kind == "implies").ToList();
        var excludes = edges.Where(e => e.Kind == "excludes").ToList();
        foreach (var start in (string[])["asserts", "denies"])
        {
            var previous = new Dictionary<(string, string), ((string, string) From, PropositionEdgeFact Edge)>();
            var queue = new Queue<(string Prop, string Pol)>();
            queue.Enqueue((origin, start));
            var seen = new HashSet<(string, string)> { (origin, start) };
            while (queue.Count > 0)
            {
                var (prop, pol) = queue.Dequeue();
                if (prop == target && pol == targetPolarity && (prop, pol) != (origin, start))
                {
                    var steps = new List<string>();
                    for (var at = (prop, pol); at != (origin, start); at = previous[at].From)
                    {
                        var e = previous[at].Edge;
                        steps.Add($"'{e.From}' {e.Kind} '{e.To}'");
                    }

                    steps.Reverse();
                    return new ChainPath(string.Join(", ", steps), start);
                }

                IEnumerable<((string, string) Next, PropositionEdgeFact Edge)> next = pol == "asserts"
                    ? implies.Where(e => e.From == prop).Select(e => ((e.To, "asserts"), e))
                        .Concat(excludes.Where(e => e.From == prop).Select(e => ((e.To, "denies"), e)))
                    : implies.Where(e => e.To == prop).Select(e => ((e.From, "denies"), e));
                foreach (var (n, e) in next)
                {
                    if (!seen.Add(n)) continue;
                    previous[n] = ((prop, pol), e);
                    queue.Enqueue(n);
                }
            }
        }

        return new ChainPath($"the edges from '{origin}'", null);
    }
}
