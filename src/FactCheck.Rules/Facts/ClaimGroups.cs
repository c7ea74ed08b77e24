using FactCheck.Claims.Model;
using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Rules.Facts;

/// <summary>
/// Claims joined by <c>same_as</c> links (symmetric: A same_as B joins them whichever side wrote it) and, per group,
/// what its rules compare: how many distinct sources and independent lineages print it, and how many distinct values
/// its appearances give for each circumstance. Groups of several claims are found and counted once, before claims are
/// projected in parallel; a claim alone in its group (nearly all of them) is counted where it is projected, from its own
/// appearances, so a rule that groups a claim's appearances runs only for claims where something can differ.
/// </summary>
internal sealed class ClaimGroups
{
    /// <summary>What a printing with no hedge counts as among the hedges (folded like any value).</summary>
    private static readonly string FlatHedge = Words.KeyOf("\n(flat)");

    private readonly Func<string, string> _lineageOf;

    /// <summary>Per claim (by index): its group's root when the group holds more than one claim, else -1.</summary>
    private readonly int[]? _sharedRoot;

    private readonly Dictionary<int, Group> _shared;

    private ClaimGroups(Func<string, string> lineageOf, int[]? sharedRoot, Dictionary<int, Group> shared)
    {
        _lineageOf = lineageOf;
        _sharedRoot = sharedRoot;
        _shared = shared;
    }

    /// <summary>One group, named after its first claim in file order.</summary>
    /// <param name="Places">Distinct places its appearances give (likewise occasions with their timing, audiences, roles).</param>
    /// <param name="DateMentions">Date expressions its appearances list, plus one per claim with a made.text (an upper bound on its mentions).</param>
    /// <param name="Hedges">Distinct hedges of its attributed appearances, a flat statement counting as one; 0 when none is hedged.</param>
    /// <param name="Relayed">Its second-hand appearances: reported, or direct quotes with <c>via</c>.</param>
    public readonly record struct Group(
        string Id, int Sources, int Lineages, string? Lineage, int Appearances, int Places, int Occasions, int Audiences, int Roles, int Hedges,
        int DateMentions, int Claims, int Relayed = 0);

    public static ClaimGroups Build(IReadOnlyList<Claim> claims, Func<string, string> lineageOf)
    {
        // Claims with one id are one member (as a duplicate id is one claim to the links); members join through same_as.
        var n = claims.Count;
        var byId = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var member = new int[n];
        var linked = false;
        for (var i = 0; i < n; i++)
        {
            if (byId.TryAdd(claims[i].Id, i)) member[i] = i;
            else (member[i], linked) = (byId[claims[i].Id], true);
            linked |= claims[i].Links.SameAs.Count > 0;
        }

        var shared = new Dictionary<int, Group>();
        if (!linked) return new ClaimGroups(lineageOf, null, shared);

        var parent = new int[n];
        for (var i = 0; i < n; i++) parent[i] = i;
        for (var i = 0; i < n; i++)
        {
            var links = claims[i].Links.SameAs;
            for (var l = 0; l < links.Count; l++)
            {
                if (byId.TryGetValue(links[l].Id, out var other)) Union(parent, member[i], other);
            }
        }

        var size = new int[n];
        var root = new int[n];
        for (var i = 0; i < n; i++) size[root[i] = Find(parent, member[i])]++;

        // Several claims to a group: counted here in file order, so the group is named after its first claim.
        var stats = new Dictionary<int, Stats>();
        for (var i = 0; i < n; i++)
        {
            if (size[root[i]] == 1)
            {
                root[i] = -1;
                continue;
            }

            if (!stats.TryGetValue(root[i], out var s)) stats[root[i]] = s = new Stats(claims[i].Id);
            s.Add(claims[i]);
        }

        foreach (var (r, s) in stats) shared[r] = s.ToGroup(lineageOf);
        return new ClaimGroups(lineageOf, root, shared);
    }

    /// <summary>The group of the claim at <paramref name="index"/>; <paramref name="scratch"/> is reused by one thread.</summary>
    public Group Of(int index, Claim claim, Stats scratch)
    {
        if (_sharedRoot is not null && _sharedRoot[index] >= 0) return _shared[_sharedRoot[index]];
        scratch.Reset(claim.Id);
        scratch.Add(claim);
        return scratch.ToGroup(_lineageOf);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int x = Find(parent, a), y = Find(parent, b);
        if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y);
    }

    /// <summary>A group's counts as its claims are added; reusable, so a thread counts all its lone claims with one.</summary>
    internal sealed class Stats
    {
        private readonly Distinct _sources = new();
        private readonly Distinct _lineages = new();
        private readonly Distinct _places = new();
        private readonly Distinct _occasions = new();
        private readonly Distinct _audiences = new();
        private readonly Distinct _roles = new();
        private readonly Distinct _hedges = new();
        private string _first = string.Empty;
        private int _appearances, _claims, _relayed, _dateMentions;
        private bool _hedged;

        public Stats()
        {
        }

        public Stats(string first) => _first = first;

        public void Reset(string first)
        {
            _first = first;
            _appearances = _claims = _relayed = _dateMentions = 0;
            _hedged = false;
            _sources.Clear();
            _places.Clear();
            _occasions.Clear();
            _audiences.Clear();
            _roles.Clear();
            _hedges.Clear();
        }

        public void Add(Claim claim)
        {
            _claims++;
            var appearances = claim.Appearances;
            for (var i = 0; i < appearances.Count; i++) Add(appearances[i]);

            // made.text is read against a source even when no appearance lists it: it may be a mention of its own.
            if (claim.Made?.Text is not null) _dateMentions++;
        }

        public Group ToGroup(Func<string, string> lineageOf)
        {
            _lineages.Clear();
            for (var i = 0; i < _sources.Count; i++) _lineages.Add(lineageOf(_sources[i]));
            return new Group(
                _first, _sources.Count, _lineages.Count, _lineages.Count == 1 ? _lineages[0] : null, _appearances, _places.Count, _occasions.Count,
                _audiences.Count, _roles.Count, _hedged ? _hedges.Count : 0, _dateMentions, _claims, _relayed);
        }

        private void Add(Appearance a)
        {
            _appearances++;
            if (a.Attribution == AttributionKind.Reported || (a.Attribution == AttributionKind.DirectQuote && a.Via is not null)) _relayed++;
            _dateMentions += a.Dates.Count;
            _sources.Add(a.Source.Id);
            Fold(_places, a.Place);
            Fold(_occasions, a.Occasion is null ? null : a.Timing + " " + a.Occasion);
            Fold(_audiences, a.Audience);
            Fold(_roles, a.SpeakerRole);
            if (a.Attribution != AttributionKind.Unattributed || a.Hedge is not null)
            {
                _hedged |= a.Hedge is not null;
                _hedges.Add(a.Hedge is null ? FlatHedge : Words.KeyOf(a.Hedge));
            }
        }

        /// <summary>Values compared as the report functions fold them: "Moscow" and "moscow." are one value.</summary>
        private static void Fold(Distinct set, string? value)
        {
            if (value is not null) set.Add(Words.KeyOf(value));
        }
    }

    /// <summary>
    /// Distinct strings in the order first seen: a list searched by hand while short (a claim's few appearances), with a
    /// hash set beside it once it grows, so a group printed by hundreds of sources stays linear.
    /// </summary>
    internal sealed class Distinct
    {
        private const int ListOnly = 16;
        private readonly List<string> _items = [];
        private HashSet<string>? _set;

        public int Count => _items.Count;

        public string this[int index] => _items[index];

        public void Add(string value)
        {
            if (_set is not null)
            {
                if (_set.Add(value)) _items.Add(value);
                return;
            }

            for (var i = 0; i < _items.Count; i++)
            {
                if (string.Equals(_items[i], value, StringComparison.Ordinal)) return;
            }

            _items.Add(value);
            if (_items.Count > ListOnly) _set = new HashSet<string>(_items, StringComparer.Ordinal);
        }

        public void Clear()
        {
            _items.Clear();
            _set = null;
        }
    }
}
