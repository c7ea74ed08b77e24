using FactCheck.Claims.Model;
using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Rules.Facts;

/// <summary>
/// Claims joined by <c>same_as</c> links (symmetric: A same_as B joins them whichever side wrote it) and, per group,
/// what its rules compare: how many distinct sources and independent lineages print it, and how many distinct values
/// its appearances give for each circumstance. Computed once before claims are projected in parallel, so a rule that
/// groups a claim's appearances runs only for claims where something can differ.
/// </summary>
internal sealed class ClaimGroups
{
    private readonly Dictionary<string, Group> _byClaim;

    private ClaimGroups(Dictionary<string, Group> byClaim) => _byClaim = byClaim;

    /// <summary>One group, named after its first claim in file order.</summary>
    /// <param name="Places">Distinct places its appearances give (likewise occasions with their timing, audiences, roles).</param>
    /// <param name="DateMentions">Date expressions its appearances list, plus one per claim with a made.text (an upper bound on its mentions).</param>
    /// <param name="Hedges">Distinct hedges of its attributed appearances, a flat statement counting as one; 0 when none is hedged.</param>
    /// <param name="Relayed">Its second-hand appearances: reported, or direct quotes with <c>via</c>.</param>
    public sealed record Group(
        string Id, int Sources, int Lineages, string? Lineage, int Appearances, int Places, int Occasions, int Audiences, int Roles, int Hedges,
        int DateMentions, int Claims, int Relayed = 0);

    public static ClaimGroups Build(IReadOnlyList<Claim> claims, Func<string, string> lineageOf)
    {
        var sets = new DisjointSets();
        foreach (var claim in claims) sets.Add(claim.Id);
        foreach (var claim in claims)
        {
            foreach (var link in claim.Links.SameAs)
            {
                if (sets.Contains(link.Id)) sets.Union(claim.Id, link.Id);
            }
        }

        var stats = new Dictionary<string, Stats>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var root = sets.Find(claim.Id);
            if (!stats.TryGetValue(root, out var s)) stats[root] = s = new Stats(claim.Id);
            s.Claims++;
            foreach (var a in claim.Appearances) s.Add(a);
            if (claim.Made?.Text is not null) s.AddWhenMade();
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var (root, s) in stats)
        {
            var lineages = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in s.Sources) lineages.Add(lineageOf(id));
            groups[root] = new Group(
                s.First, s.Sources.Count(), lineages.Count, lineages.Count == 1 ? lineages.First() : null, s.Appearances, Count(s.Places),
                Count(s.Occasions), Count(s.Audiences), Count(s.Roles), s.Hedged ? Count(s.Hedges) : 0, s.DateMentions, s.Claims, s.Relayed);
        }

        var byClaim = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var claim in claims) byClaim.TryAdd(claim.Id, groups[sets.Find(claim.Id)]);
        return new ClaimGroups(byClaim);
    }

    public Group Of(string claimId) => _byClaim[claimId];

    private static int Count(HashSet<string>? values) => values?.Count ?? 0;

    private sealed class Stats(string first)
    {
        public string First { get; } = first;

        private string? _source;
        private HashSet<string>? _sources;

        /// <summary>The distinct sources; a set is made only once a second one appears (most groups have one or two).</summary>
        public IEnumerable<string> Sources => _sources ?? (_source is null ? [] : [_source]);

        public int Appearances { get; private set; }

        public int Claims { get; set; }

        public int Relayed { get; private set; }

        public int DateMentions { get; private set; }

        public bool Hedged { get; private set; }

        public HashSet<string>? Places { get; private set; }

        public HashSet<string>? Occasions { get; private set; }

        public HashSet<string>? Audiences { get; private set; }

        public HashSet<string>? Roles { get; private set; }

        public HashSet<string>? Hedges { get; private set; }

        /// <summary>made.text is read against a source even when no appearance lists it: it may be a mention of its own.</summary>
        public void AddWhenMade() => DateMentions++;

        public void Add(Appearance a)
        {
            Appearances++;
            if (a.Attribution == AttributionKind.Reported || (a.Attribution == AttributionKind.DirectQuote && a.Via is not null)) Relayed++;
            DateMentions += a.Dates.Count;
            var id = a.Source.Id;
            if (_source is null) _source = id;
            else if (_source != id) (_sources ??= new HashSet<string>(StringComparer.Ordinal) { _source }).Add(id);
            Places = With(Places, a.Place);
            Occasions = With(Occasions, a.Occasion is null ? null : a.Timing + " " + a.Occasion);
            Audiences = With(Audiences, a.Audience);
            Roles = With(Roles, a.SpeakerRole);
            if (a.Attribution != AttributionKind.Unattributed || a.Hedge is not null)
            {
                Hedged |= a.Hedge is not null;
                Hedges = With(Hedges, a.Hedge ?? "\n(flat)");
            }
        }

        /// <summary>Values compared as the report functions fold them: "Moscow" and "moscow." are one value.</summary>
        private static HashSet<string>? With(HashSet<string>? set, string? value)
        {
            if (value is null) return set;
            set ??= new HashSet<string>(StringComparer.Ordinal);
            set.Add(Words.KeyOf(value));
            return set;
        }
    }
}
