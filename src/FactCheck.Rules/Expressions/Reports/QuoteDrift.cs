using System.Text;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Quote drift within one claim: its distinct wordings (direct quotes, and the quoted fragments of paraphrased or
/// reported appearances), identical ones merged, each diffed word by word against one reference wording — the primary
/// record's when there is one, else the origin of a <c>derived_from</c> chain, else the wording most sources print.
/// Cost: one pass to merge wordings, then one diff per distinct wording (linear in the appearances).
/// </summary>
internal static class QuoteDrift
{
    /// <summary>The outcome: <see cref="Level"/> is <c>warning</c> (a change of meaning), <c>info</c> (words only) or null (no drift).</summary>
    public sealed record Result(string? Level, string? Message);

    private static readonly Result None = new(null, null);

    /// <summary>
    /// The drift of a claim with its <c>same_as</c> claims, as one finding: each claim's wordings are compared among
    /// themselves (the claims may quote different stretches of the words, a standfirst and a body), and the parts
    /// are joined so that the group is reported once.
    /// </summary>
    public static Result Analyse(IReadOnlyList<AppearanceFact>? appearances)
    {
        if (appearances is null || appearances.Count < 2) return None;
        var parts = appearances.GroupBy(a => a.ClaimId, StringComparer.Ordinal)
            .Select(g => AnalyseClaim(g.ToList()))
            .Where(r => r.Level is not null)
            .ToList();
        if (parts.Count == 0) return None;
        if (parts.Count == 1) return parts[0];
        var level = parts.Any(p => p.Level == "warning") ? "warning" : "info";
        return new Result(level, string.Join(". Its same_as ", parts.Select(p => p.Message)));
    }

    private static Result AnalyseClaim(IReadOnlyList<AppearanceFact> appearances)
    {
        if (appearances.Count < 2) return None;
        appearances = Languages.SameAsReference(appearances);
        var wordings = Merge(appearances);
        if (wordings.Count < 2) return None;

        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in appearances)
        {
            if (a.SourceOrigin != a.SourceId) origins.Add(a.SourceOrigin);
        }

        // Without a primary record or an origin, the wording most sources print (the first on a tie) is the reference.
        var most = wordings.Max(w => w.Sources.Count);
        var reference = wordings.FirstOrDefault(w => w.Primary)
            ?? wordings.FirstOrDefault(w => w.Sources.Any(origins.Contains))
            ?? wordings.First(w => w.Sources.Count == most);
        var authoritative = reference.Primary || reference.Sources.Any(origins.Contains);
        var why = reference.Primary ? "the primary record"
            : authoritative ? "the origin the others derive from"
            : wordings.Count(w => w.Sources.Count == most) == 1 ? "printed by most sources" : "listed first; no primary record";

        var lines = new List<string>();
        var warning = false;
        var excerpts = 0;
        foreach (var wording in wordings)
        {
            if (ReferenceEquals(wording, reference)) continue;
            var changes = new List<Change>();
            foreach (var piece in wording.Pieces) changes.AddRange(Compare(piece, reference, authoritative));
            if (changes.Count == 0)
            {
                excerpts++;
                continue;
            }

            warning |= changes.Any(c => c.Serious);
            lines.Add($"{Quoted.Text(wording.Text)} ({Listing.Of(wording.Sources)}): {string.Join("; ", changes.Select(c => c.Text))}");
        }

        if (lines.Count == 0) return None;
        var message = new StringBuilder();
        message.Append($"claim {appearances[0].ClaimId} is quoted in {wordings.Count} wordings. Reference ({why}): {Quoted.Text(reference.Text)} ")
            .Append($"({Listing.Of(reference.Sources)}). Differing: ")
            .Append(string.Join(" | ", lines));
        if (excerpts > 0) message.Append($" ({excerpts} other wording{(excerpts == 1 ? " is an excerpt" : "s are excerpts")} of it)");
        return new Result(warning ? "warning" : "info", message.ToString());
    }

    private sealed class Wording(string text, IReadOnlyList<Words> pieces)
    {
        public string Text { get; } = text;

        public IReadOnlyList<Words> Pieces { get; } = pieces;

        public List<string> Sources { get; } = [];

        public bool Primary { get; set; }
    }

    private readonly record struct Change(string Text, bool Serious);

    private static List<Wording> Merge(IReadOnlyList<AppearanceFact> appearances)
    {
        var byKey = new Dictionary<string, Wording>(StringComparer.Ordinal);
        var order = new List<Wording>();
        foreach (var a in appearances)
        {
            IReadOnlyList<string> texts;
            string shown;
            if (a.Attribution == "direct-quote")
            {
                texts = Words.Pieces(a.Quote);
                shown = a.Quote;
            }
            else if (a.QuotedFragments.Count > 0)
            {
                texts = a.QuotedFragments;
                shown = string.Join(" … ", a.QuotedFragments);
            }
            else
            {
                continue;
            }

            // The wording's key from the folded words alone (Words.KeyOf is Words.Of(..).Key): an appearance printing a
            // wording met before only adds its source, and the words of each wording are split and kept once.
            var key = KeyOf(texts);
            if (key.Length == 0) continue;
            if (!byKey.TryGetValue(key, out var wording))
            {
                wording = new Wording(shown, texts.Select(Words.Of).Where(w => w.Count > 0).ToList());
                byKey.Add(key, wording);
                order.Add(wording);
            }

            if (!wording.Sources.Contains(a.SourceId)) wording.Sources.Add(a.SourceId);
            wording.Primary |= a.SourcePrimary;
        }

        return order;
    }

    /// <summary>The pieces' keys that have words, joined as the wording's key; empty when none has.</summary>
    private static string KeyOf(IReadOnlyList<string> texts)
    {
        if (texts.Count == 1) return Words.KeyOf(texts[0]);
        var keys = new List<string>(texts.Count);
        foreach (var text in texts)
        {
            if (Words.KeyOf(text) is { Length: > 0 } key) keys.Add(key);
        }

        return string.Join(" | ", keys);
    }

    /// <summary>The changes of one quoted piece against the reference piece it overlaps most.</summary>
    private static IEnumerable<Change> Compare(Words piece, Wording reference, bool authoritative)
    {
        WordDiff? best = null;
        foreach (var candidate in reference.Pieces)
        {
            if (candidate.ContainsRun(piece)) return [];
            if (!authoritative && piece.ContainsRun(candidate)) return [];
            var diff = WordDiff.Compute(candidate, piece);
            if (best is null || diff.Common > best.Common) best = diff;
        }

        if (best is null) return [];
        if (best.Common == 0)
        {
            return [new Change($"shares no words with it", Serious: true)];
        }

        return Merged(best).Select(h => Describe(best, h));
    }

    /// <summary>
    /// Changes separated only by a couple of small words are one change: "calmly, in a balanced" against "in a calm,
    /// balanced" is one reworded phrase, not an adverb dropped and an adjective added.
    /// </summary>
    private static List<WordDiff.Hunk> Merged(WordDiff diff)
    {
        var merged = new List<WordDiff.Hunk>();
        foreach (var h in diff.Hunks)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var gap = h.RefFrom - last.RefTo;
                var gapIsSmall = gap <= 2 && h.From - last.To == gap
                    && Enumerable.Range(last.RefTo, gap).All(i => Words.FunctionWords.Contains(diff.Reference.Folded[i]));
                if (gapIsSmall)
                {
                    merged[^1] = new WordDiff.Hunk(last.RefFrom, h.RefTo, last.From, h.To);
                    continue;
                }
            }

            merged.Add(h);
        }

        return merged;
    }

    private static Change Describe(WordDiff diff, WordDiff.Hunk h)
    {
        var removed = diff.Reference.Folded[h.RefFrom..h.RefTo];
        var added = diff.Wording.Folded[h.From..h.To];
        var was = diff.Reference.Span(h.RefFrom, h.RefTo);
        var now = diff.Wording.Span(h.From, h.To);
        var what = h.IsDeletion ? $"'{was}' dropped" : h.IsInsertion ? $"'{now}' added" : $"'{was}' → '{now}'";

        var negation = Count(removed, Words.Negations) - Count(added, Words.Negations);
        if (negation != 0) return new Change($"{what} (negation {(negation > 0 ? "dropped" : "added")})", true);
        var hedge = Count(removed, Words.Hedges) - Count(added, Words.Hedges);
        if (hedge != 0) return new Change($"{what} (hedge {(hedge > 0 ? "dropped" : "added")})", true);
        if (HasNumber(removed) || HasNumber(added)) return new Change($"{what} (number changed)", true);
        var contentRemoved = removed.Any(w => !Words.FunctionWords.Contains(w));
        var contentAdded = added.Any(w => !Words.FunctionWords.Contains(w));
        if (h.IsDeletion && contentRemoved) return new Change($"{what} (qualifier dropped)", true);
        if (h.IsInsertion && contentAdded) return new Change($"{what} (words added)", true);
        return new Change(what, false);
    }

    private static int Count(string[] words, HashSet<string> set)
    {
        var n = 0;
        foreach (var w in words) if (set.Contains(w)) n++;
        return n;
    }

    private static bool HasNumber(string[] words) => words.Any(w => w.Any(char.IsDigit));
}
