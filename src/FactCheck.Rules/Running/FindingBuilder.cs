using System.Runtime.InteropServices;
using FactCheck.Engine;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>Builds a finding from a firing: where it points, and which claims and sources it concerns.</summary>
internal static class FindingBuilder
{
    public static Finding Build(IActionContext context, string ruleId, RuleSeverity severity, string message, string? on)
    {
        var bound = context.Facts;
        var facts = new List<IFact>(bound.Count);
        for (var i = 0; i < bound.Count; i++)
        {
            if (bound[i] is IFact f) facts.Add(f);
        }

        var target = on is not null && context.Get(on) is IFact named ? named : facts.Count > 0 ? facts[0] : null;
        // A finding names a handful of claims and sources: small lists sorted once beat sorted sets.
        var claims = new List<string>(4);
        var sources = new List<string>(4);
        // A grouped finding (over a collected list) concerns the claims of the facts it collected too (a list of sources is
        // what it was compared with, not what it is about); its identity (keys) stays that of the facts it is bound to.
        var concerned = facts;
        for (var i = 0; i < bound.Count; i++)
        {
            if (bound[i] is IEnumerable<IFact> collected and not IFact)
            {
                if (ReferenceEquals(concerned, facts)) concerned = [.. facts];
                foreach (var fact in collected)
                {
                    if (fact is not SourceFact) concerned.Add(fact);
                }
            }
        }

        foreach (var fact in concerned)
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

        return new Finding(
            ruleId,
            severity,
            message,
            target?.File ?? string.Empty,
            target?.Line ?? 0,
            target?.Column ?? 0,
            Keys(facts),
            SortedDistinct(claims),
            SortedDistinct(sources));
    }

    private static string[] Keys(List<IFact> facts)
    {
        var keys = new string[facts.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = facts[i].Key;
        return keys;
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
