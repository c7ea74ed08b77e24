using System.Runtime.InteropServices;
using FactCheck.Engine;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>Builds a finding from a firing: where it points, and which claims and sources it concerns.</summary>
internal static class FindingBuilder
{
    // Scratch lists of the claim and source ids of one finding (a session fires on one thread): only the finding's own
    // arrays are allocated per firing, not two lists and a copy of the facts (some 30 MB on 100,000 claims).
    [ThreadStatic]
    private static List<string>? t_claims;

    [ThreadStatic]
    private static List<string>? t_sources;

    public static Finding Build(IActionContext context, string ruleId, RuleSeverity severity, string message, string? on)
    {
        var bound = context.Facts;
        var claims = t_claims ??= new List<string>(16);
        var sources = t_sources ??= new List<string>(16);
        claims.Clear();
        sources.Clear();
        IFact? first = null;
        var keyCount = 0;
        for (var i = 0; i < bound.Count; i++)
        {
            switch (bound[i])
            {
                case IFact fact:
                    first ??= fact;
                    keyCount++;
                    Concern(fact, claims, sources);
                    break;
                case IEnumerable<IFact> collected:
                    // A grouped finding (over a collected list) concerns the claims of the facts it collected too (a list of
                    // sources is what it was compared with, not what it is about); its identity (keys) stays that of the
                    // facts it is bound to.
                    foreach (var fact in collected)
                    {
                        if (fact is not SourceFact) Concern(fact, claims, sources);
                    }

                    break;
            }
        }

        var keys = new string[keyCount];
        for (int i = 0, k = 0; k < keys.Length; i++)
        {
            if (bound[i] is IFact fact) keys[k++] = fact.Key;
        }

        var target = on is not null && context.Get(on) is IFact named ? named : first;
        var finding = new Finding(
            ruleId,
            severity,
            message,
            target?.File ?? string.Empty,
            target?.Line ?? 0,
            target?.Column ?? 0,
            keys,
            SortedDistinct(claims),
            SortedDistinct(sources));
        claims.Clear();
        sources.Clear();
        return finding;
    }

    /// <summary>Adds the claims and sources <paramref name="fact"/> is about.</summary>
    private static void Concern(IFact fact, List<string> claims, List<string> sources)
    {
        switch (fact)
        {
            case ClaimFact c: claims.Add(c.Id); break;
            case SourceFact s: sources.Add(s.Id); break;
            case AppearanceFact a: claims.Add(a.ClaimId); sources.Add(a.SourceId); break;
            case StanceFact s: claims.Add(s.ClaimId); break;
            case CitationFact c:
                claims.Add(c.ClaimId);
                if (c.SourceId is not null) sources.Add(c.SourceId);
                break;
            case DateMentionFact d: claims.Add(d.ClaimId); sources.Add(d.SourceId); break;
            case ClaimLinkFact l: claims.Add(l.From); claims.Add(l.To); break;
        }
    }

    private static string[] SortedDistinct(List<string> ids)
    {
        if (ids.Count == 0) return [];
        if (ids.Count == 1) return [ids[0]];
        // A span sort with a static comparison: List.Sort(IComparer) wraps the comparer in a new delegate per call.
        var span = CollectionsMarshal.AsSpan(ids);
        span.Sort(string.CompareOrdinal);
        var kept = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (!string.Equals(span[i], span[kept - 1], StringComparison.Ordinal)) span[kept++] = span[i];
        }

        return span[..kept].ToArray();
    }
}
