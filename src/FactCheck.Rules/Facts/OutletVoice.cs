using FactCheck.Claims.Model;
using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Rules.Facts;

/// <summary>
/// Whether an outlet claimant is the voice of the source that prints the claim: its outlet or wire, or that of a source
/// it derives from or credits, so that an outlet's own background ("Russia invaded Ukraine in February 2022", asserted
/// by AFP in AFP copy and its rewrites) is told apart from words given to someone else without attribution.
/// </summary>
internal static class OutletVoice
{
    private static readonly HashSet<string> Small = new(StringComparer.Ordinal) { "the", "of", "and", "a", "an" };

    public static bool IsOwn(string claimant, Source source, Dictionary<string, Source> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Source>();
        pending.Push(source);
        // Bounded: each source once, and at most 64 of them (chains are a few hops long).
        while (pending.Count > 0 && seen.Count < 64)
        {
            var s = pending.Pop();
            if (!seen.Add(s.Id)) continue;
            if (Same(claimant, s.Outlet) || Same(claimant, s.Wire)) return true;
            if (s.DerivedFrom is { } parent && sources.TryGetValue(parent.Id, out var p)) pending.Push(p);
            foreach (var credit in s.CreditedSources)
            {
                if (sources.TryGetValue(credit.Id, out var c)) pending.Push(c);
            }
        }

        return false;
    }

    /// <summary>The same name, small words, case and accents aside, or one the initials of the other ("AP", "The Associated Press").</summary>
    internal static bool Same(string claimant, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var a = Words.Of(claimant).Folded.Where(w => !Small.Contains(w)).ToArray();
        var b = Words.Of(name).Folded.Where(w => !Small.Contains(w)).ToArray();
        if (a.Length == 0 || b.Length == 0) return false;
        if (a.SequenceEqual(b)) return true;
        return Initials(a, b) || Initials(b, a);
    }

    private static bool Initials(string[] acronym, string[] words) =>
        acronym.Length == 1 && words.Length > 1 && acronym[0] == string.Concat(words.Select(w => w[0]));
}
