using System.Runtime.CompilerServices;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Functions that turn a collected list of facts into one finding's text (null when there is nothing to report), so a
/// rule can say a grouped problem once: <c>collect</c> the facts, test <c>f(list) != null</c>, print <c>{f(list)}</c>.
/// Each result is computed once per list (the engine hands the condition and the message the same list).
/// </summary>
public static class ReportFunctions
{
    private static readonly ConditionalWeakTable<object, Memo> Results = new();

    /// <summary><c>warning</c> when a claim's wordings differ in meaning (negation, hedge, number, a qualifier dropped or words added), <c>info</c> when only in words, null when they do not drift.</summary>
    public static string? DriftLevel(IReadOnlyList<AppearanceFact>? appearances) => Drift(appearances)?.Level;

    /// <summary>The claim's distinct wordings, each with its sources and its word-level changes against the reference.</summary>
    public static string? DriftReport(IReadOnlyList<AppearanceFact>? appearances) => Drift(appearances)?.Message;

    /// <summary>Different claimants asserting and denying one proposition, with counts.</summary>
    public static string? StanceConflict(IReadOnlyList<StanceFact>? stances) =>
        Cached(stances, "opposite", static s => StanceConflicts.Opposite((IReadOnlyList<StanceFact>?)s));

    /// <summary>Claimants who assert and deny one proposition in different claims.</summary>
    public static string? SelfContradiction(IReadOnlyList<StanceFact>? stances) =>
        Cached(stances, "self", static s => StanceConflicts.SelfContradiction((IReadOnlyList<StanceFact>?)s));

    /// <summary>Conflicts at a proposition reached through implies/excludes edges, once per conflict, naming the chain.</summary>
    public static string? ChainConflict(
        string? proposition, IReadOnlyList<StanceFact>? derived, IReadOnlyList<StanceFact>? direct, IReadOnlyList<PropositionEdgeFact>? edges) =>
        Cached(derived, "chain:" + proposition + ":" + RuntimeHelpers.GetHashCode(direct ?? (object)string.Empty), () => StanceConflicts.ThroughEdges(proposition, derived, direct, edges));

    /// <summary>Whether <see cref="ChainConflict"/> has anything to report: a linear test, for a rule's condition.</summary>
    public static bool ChainConflictExists(string? proposition, IReadOnlyList<StanceFact>? derived, IReadOnlyList<StanceFact>? direct) =>
        StanceConflicts.ThroughEdgesExists(proposition, derived, direct);

    /// <summary>Appearances disagreeing on <paramref name="field"/>: place, occasion (with timing), audience, speaker_role or hedge.</summary>
    public static string? CircumstanceConflict(IReadOnlyList<AppearanceFact>? appearances, string? field) =>
        Cached(appearances, CircumstanceName(field), () => Circumstances.Conflict(appearances, field));

    /// <summary>The memo's name for a field: the fields rules name are constants, not a string built per call.</summary>
    private static string CircumstanceName(string? field) => field switch
    {
        "place" => "circumstance:place",
        "occasion" => "circumstance:occasion",
        "audience" => "circumstance:audience",
        "speaker_role" => "circumstance:speaker_role",
        "hedge" => "circumstance:hedge",
        _ => "circumstance:" + field,
    };

    /// <summary>The intermediaries a claim's second-hand appearances come through, as chains.</summary>
    public static string? SecondHandChain(IReadOnlyList<AppearanceFact>? appearances) =>
        Cached(appearances, "second-hand", static a => SecondHand.Chain((IReadOnlyList<AppearanceFact>?)a));

    /// <summary>One wording (the appearances share it) given to more than one speaker.</summary>
    public static string? SameWordsReport(IReadOnlyList<AppearanceFact>? appearances) =>
        Cached(appearances, "same-words", static a => SameWords.Report((IReadOnlyList<AppearanceFact>?)a));

    /// <summary>The source whose stored text <paramref name="source"/> nearly copies with no credit, from the texts of <paramref name="sources"/>.</summary>
    public static string? UncreditedCopy(SourceFact? source, IReadOnlyList<SourceFact>? sources)
    {
        if (source?.Text is null || sources is null) return null;
        var index = (TextCopies)Results.GetValue(sources, static _ => new Memo()).GetOrAdd("copies-index", sources, static s => TextCopies.Build((IReadOnlyList<SourceFact>)s))!;
        return Cached(source, "copy:" + RuntimeHelpers.GetHashCode(sources), () => index.UncreditedCopy(source));
    }

    /// <summary>The sources' readings of when the claim was made, when they disagree.</summary>
    public static string? WhenMadeConflict(IReadOnlyList<DateMentionFact>? mentions) =>
        Cached(mentions, "when-made", static m => DateConflicts.WhenMade((IReadOnlyList<DateMentionFact>?)m));

    /// <summary>The sources' dates for the events the claim mentions, when they disagree.</summary>
    public static string? EventDateConflict(IReadOnlyList<DateMentionFact>? mentions) =>
        Cached(mentions, "events", static m => DateConflicts.Events((IReadOnlyList<DateMentionFact>?)m));

    /// <summary>Each mention's source, words and reading: "euronews says "on Wednesday" (published 2023-11-08): ...".</summary>
    public static string? MentionList(IReadOnlyList<DateMentionFact>? mentions) =>
        mentions is null || mentions.Count == 0 ? null
            : Listing.Of(mentions.Select(m => $"{m.SourceId} says {Quoted.Text(m.Text)} (published {m.Reference ?? "undated"}): {m.FitReason}"), 3, "; ");

    /// <summary>Each appearance's source with its publication date.</summary>
    public static string? PublishedList(IReadOnlyList<AppearanceFact>? appearances) =>
        appearances is null || appearances.Count == 0 ? null
            : Listing.Of(appearances.Select(a => $"{a.SourceId} ({a.Published})"));

    /// <summary>The ids of the claims listed, a few named and the rest counted.</summary>
    public static string? ClaimIds(IReadOnlyList<ClaimFact>? claims) =>
        claims is null || claims.Count == 0 ? null : Listing.Of(claims.Select(c => c.Id), 8);

    /// <summary>How many distinct sources print the claims listed.</summary>
    public static long? SourceCount(IReadOnlyList<AppearanceFact>? appearances) =>
        appearances?.Select(a => a.SourceId).Distinct(StringComparer.Ordinal).Count();

    private static QuoteDrift.Result? Drift(IReadOnlyList<AppearanceFact>? appearances) =>
        appearances is null ? null : (QuoteDrift.Result?)Results.GetValue(appearances, static _ => new Memo())
            .GetOrAdd("drift", appearances, static a => QuoteDrift.Analyse((IReadOnlyList<AppearanceFact>)a));

    private static string? Cached(object? key, string name, Func<string?> compute) =>
        key is null ? compute() : (string?)Results.GetValue(key, static _ => new Memo()).GetOrAdd(name, compute, static c => ((Func<string?>)c)());

    /// <summary><see cref="Cached(object?, string, Func{string?})"/> of a function of the key alone: no closure per call.</summary>
    private static string? Cached(object? key, string name, Func<object?, string?> compute) =>
        key is null ? compute(null) : (string?)Results.GetValue(key, static _ => new Memo()).GetOrAdd(name, key, compute);

    /// <summary>
    /// The results computed for one list, by function name: a list has one or two (its condition's and its message's are
    /// the same), so a short array under a lock, where a concurrent dictionary per list cost tens of megabytes on a
    /// large corpus (one per collected group).
    /// </summary>
    private sealed class Memo
    {
        private (string Name, object? Value)[] _entries = [];

        public object? GetOrAdd(string name, object state, Func<object, object?> compute)
        {
            lock (this)
            {
                foreach (var (n, v) in _entries)
                {
                    if (n == name) return v;
                }
            }

            // Computed outside the lock (a report can be long); two threads racing compute the same value, the first kept.
            var value = compute(state);
            lock (this)
            {
                foreach (var (n, v) in _entries)
                {
                    if (n == name) return v;
                }

                _entries = [.. _entries, (name, value)];
                return value;
            }
        }
    }
}
