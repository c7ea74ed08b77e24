using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Facts;

/// <summary>
/// <see cref="FactProjection.Project"/> kept up to date across versions of one claim set (<c>check --watch</c>): each
/// <see cref="Update"/> projects again only the claims whose facts can have changed and says which facts left and which
/// came in. A claim's facts depend on the claim, on the sources it cites or appears in (and those they derive from or
/// credit: its lineage), on its <c>same_as</c> group and on the propositions' edges; so a claim is projected again when
/// it changed, when a source of a lineage it uses changed, when its group's figures changed or when what its stances
/// entail changed. The first appearance of each wording (marked for the quote rules) is kept per wording. The facts in
/// <see cref="All"/> are always those <see cref="FactProjection.Project"/> would give for the last set, and
/// <see cref="Compare"/> orders any of them as that projection lists them.
/// </summary>
internal sealed class IncrementalProjection : IComparer<object>
{
    private readonly Dictionary<Claim, ClaimEntry> _byRef = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ClaimEntry> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _claimsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _claimsByProposition = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _linkedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClaimGroups.Group> _groupOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groupMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AppearanceFact>> _wordings = new(StringComparer.Ordinal);
    private readonly Dictionary<AppearanceFact, AppearanceFact> _marked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, AppearanceFact> _firstOfWording = new(StringComparer.Ordinal);
    private readonly Dictionary<object, Position> _positions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Claim> _ignoring = new(ReferenceEqualityComparer.Instance);

    private IReadOnlyList<Source> _sourceList = [];
    private Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private Dictionary<string, string> _lineages = new(StringComparer.Ordinal);
    private Dictionary<string, string> _origins = new(StringComparer.Ordinal);
    private Dictionary<string, SourceFact> _sourceFacts = new(StringComparer.Ordinal);
    private IReadOnlyList<Proposition> _propositionList = [];
    private PropositionGraph _graph = new([]);
    private List<IFact> _propositionFacts = [];
    private int _generation;
    private IReadOnlyList<Claim> _claimList = [];
    private readonly Dictionary<(string, PartialDate?), DateResolution> _resolutions = [];
    private readonly FactProjection.DateTexts _dates = new();
    private int _claimFactCount;
    private bool _started;

    /// <summary>How many facts the last set projects to.</summary>
    public int Count => _sourceFacts.Count + _propositionFacts.Count + _claimFactCount;

    /// <summary>Claims projected again by the last <see cref="Update"/>.</summary>
    public int Reprojected { get; private set; }

    /// <summary>
    /// The claims of the last set with <c>ignore:</c> entries, in its order: all that suppressions need (the other claims
    /// suppress nothing and raise nothing about suppressions).
    /// </summary>
    public ClaimSet Ignoring()
    {
        var claims = _ignoring.ToList();
        claims.Sort((a, b) => Compare(a.Location, b.Location));
        return new ClaimSet([], [], claims, []);
    }

    /// <summary>Every fact of the last set, in the projection's order (for a new session).</summary>
    public List<IFact> All()
    {
        var all = new List<IFact>(Count);
        foreach (var source in _sourceList) all.Add(_sourceFacts[source.Id]);
        all.AddRange(_propositionFacts);
        var claims = _claims.Values.ToList();
        claims.Sort((a, b) => Compare(a.Claim.Location, b.Claim.Location));
        foreach (var entry in claims)
        {
            foreach (var fact in entry.Facts) all.Add(InSession(fact));
        }

        return all;
    }

    /// <summary>
    /// Brings the facts to <paramref name="set"/>, which must be valid (ids unique, references resolved: what the rules
    /// run on). Returns the facts to take out of the sessions and those to put in.
    /// </summary>
    public (List<IFact> Retracted, List<IFact> Inserted) Update(ClaimSet set)
    {
        var retracted = new List<IFact>();
        var inserted = new List<IFact>();
        // Claims whose object is new (their file was read again) or gone.
        var (fresh, removed) = Compare(_claimList, set.Claims) ?? Scan(set.Claims);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in fresh) changed.Add(claim.Id);
        foreach (var entry in removed)
        {
            changed.Add(entry.Claim.Id);
        }

        var dirty = new HashSet<string>(changed, StringComparer.Ordinal);
        UpdateSources(set, dirty, retracted, inserted);
        UpdatePropositions(set, dirty, retracted, inserted);

        // The indexes follow the claims: the old versions of changed claims out, the new ones in.
        var oldEntries = new Dictionary<string, ClaimEntry>(StringComparer.Ordinal);
        foreach (var entry in removed)
        {
            Unindex(entry);
            _byRef.Remove(entry.Claim);
            _ignoring.Remove(entry.Claim);
            if (_claims.TryGetValue(entry.Claim.Id, out var current) && ReferenceEquals(current, entry)) _claims.Remove(entry.Claim.Id);
            oldEntries[entry.Claim.Id] = entry;
        }

        foreach (var claim in fresh)
        {
            var entry = new ClaimEntry(claim);
            if (_claims.TryGetValue(claim.Id, out var old) && !oldEntries.ContainsKey(claim.Id))
            {
                // Only possible with duplicate ids, which a valid set does not have.
                throw new InvalidOperationException($"claim id '{claim.Id}' is defined twice");
            }

            _claims[claim.Id] = entry;
            _byRef[claim] = entry;
            if (claim.Ignore.Count > 0) _ignoring.Add(claim);
            Index(entry);
        }

        UpdateGroups(set, dirty);
        if (!_started)
        {
            // The first set: everything is new, in the projection's order.
            var first = Project([.. set.Claims.Select(c => _claims[c.Id])]);
            foreach (var (entry, facts) in first)
            {
                entry.Facts = facts;
                _claimFactCount += facts.Count;
                for (var i = 0; i < facts.Count; i++) _positions[facts[i]] = new Position(2, entry.Claim.Location, i);
            }

            MarkAll();
            _started = true;
            _claimList = set.Claims;
            Reprojected = set.Claims.Count;
            return ([], All());
        }

        // Project the dirty claims again; facts equal to the old ones stay in the sessions as they are.
        var toProject = dirty.Where(_claims.ContainsKey).Select(id => _claims[id]).ToList();
        Reprojected = toProject.Count;
        var projected = Project(toProject);
        var newFacts = new List<IFact>();
        var oldFacts = new List<IFact>();
        foreach (var id in dirty)
        {
            var had = oldEntries.TryGetValue(id, out var oldEntry) ? oldEntry : _claims.GetValueOrDefault(id);
            var before = had?.Facts ?? [];
            _claimFactCount -= before.Count;
            if (!_claims.TryGetValue(id, out var now))
            {
                oldFacts.AddRange(before);
                continue;
            }

            var facts = projected[now];
            if (before.Count > 0) oldFacts.AddRange(KeepUnchanged(before, facts, newFacts));
            else newFacts.AddRange(facts);

            _claimFactCount += facts.Count;
            now.Facts = facts;
            for (var i = 0; i < facts.Count; i++)
            {
                var position = new Position(2, now.Claim.Location, i);
                _positions[facts[i]] = position;
                if (facts[i] is AppearanceFact a && _marked.TryGetValue(a, out var mark)) _positions[mark] = position;
            }
        }

        // Facts that leave: as they are in the sessions now (an appearance may carry its wording's mark).
        var reinsert = new HashSet<AppearanceFact>(ReferenceEqualityComparer.Instance);
        foreach (var fact in oldFacts)
        {
            retracted.Add(InSession(fact));
            _positions.Remove(fact);
            if (fact is AppearanceFact a && _marked.Remove(a, out var mark)) _positions.Remove(mark);
        }

        // Wordings: the first appearance of each one changed is marked again.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in oldFacts)
        {
            if (fact is AppearanceFact { QuoteKey: { } key } a)
            {
                keys.Add(key);
                var list = _wordings[key];
                list.RemoveAt(list.FindIndex(x => ReferenceEquals(x, a)));
                if (list.Count == 0) _wordings.Remove(key);
            }
        }

        foreach (var fact in newFacts)
        {
            if (fact is AppearanceFact { QuoteKey: { } key } a)
            {
                keys.Add(key);
                if (!_wordings.TryGetValue(key, out var list)) _wordings[key] = list = [];
                list.Add(a);
            }
        }

        var newSet = new HashSet<IFact>(newFacts, ReferenceEqualityComparer.Instance);
        foreach (var key in keys)
        {
            _firstOfWording.TryGetValue(key, out var oldFirst);
            var oldMark = oldFirst is not null && _marked.TryGetValue(oldFirst, out var m) ? m : null;
            AppearanceFact? first = null;
            var speakers = new HashSet<string>(StringComparer.Ordinal);
            if (_wordings.TryGetValue(key, out var list))
            {
                foreach (var a in list)
                {
                    speakers.Add(a.Claimant);
                    if (first is null || Compare(_positions[a], _positions[first]) < 0) first = a;
                }
            }

            if (first is not null && ReferenceEquals(first, oldFirst) && oldMark is not null && oldMark.WordingSpeakers == speakers.Count) continue;
            if (oldFirst is not null && oldMark is not null && _marked.Remove(oldFirst))
            {
                // Still there but no longer marked as it was: out with the mark, back in as it is now.
                retracted.Add(oldMark);
                _positions.Remove(oldMark);
                if (!newSet.Contains(oldFirst)) reinsert.Add(oldFirst);
            }

            _firstOfWording.Remove(key);
            if (first is null) continue;
            if (!newSet.Contains(first) && !reinsert.Contains(first))
            {
                retracted.Add(first);
                reinsert.Add(first);
            }

            var marked = first with { FirstOfWording = true, WordingSpeakers = speakers.Count };
            _marked[first] = marked;
            _firstOfWording[key] = first;
            _positions[marked] = _positions[first];
        }

        foreach (var fact in newFacts) inserted.Add(InSession(fact));
        foreach (var fact in reinsert) inserted.Add(InSession(fact));
        inserted.Sort(this);
        _claimList = set.Claims;
        return (retracted, inserted);
    }

    /// <summary>
    /// The claims that came and went between two versions of the set, by one walk over both: the claims of files not read
    /// again are the same objects in the same order, so only where the lists differ is a claim looked up. Null when the
    /// lists do not line up that way (the claims were reordered).
    /// </summary>
    private (List<Claim> Fresh, List<ClaimEntry> Removed)? Compare(IReadOnlyList<Claim> before, IReadOnlyList<Claim> now)
    {
        var fresh = new List<Claim>();
        var removed = new List<ClaimEntry>();
        int i = 0, j = 0;
        while (i < before.Count || j < now.Count)
        {
            if (i < before.Count && j < now.Count && ReferenceEquals(before[i], now[j]))
            {
                i++;
                j++;
            }
            else if (j < now.Count && !_byRef.ContainsKey(now[j]))
            {
                fresh.Add(now[j++]);
            }
            else if (i < before.Count && _byRef.TryGetValue(before[i], out var gone))
            {
                removed.Add(gone);
                i++;
            }
            else
            {
                return null;
            }
        }

        return (fresh, removed);
    }

    /// <summary>The same by looking every claim up.</summary>
    private (List<Claim> Fresh, List<ClaimEntry> Removed) Scan(IReadOnlyList<Claim> now)
    {
        var generation = ++_generation;
        var fresh = new List<Claim>();
        foreach (var claim in now)
        {
            if (_byRef.TryGetValue(claim, out var entry)) entry.Generation = generation;
            else fresh.Add(claim);
        }

        return (fresh, _byRef.Values.Where(e => e.Generation != generation).ToList());
    }

    /// <summary>Orders facts as <see cref="FactProjection.Project"/> lists them; facts it did not project come last.</summary>
    public int Compare(object? x, object? y)
    {
        var known = x is not null && _positions.ContainsKey(x);
        var knownToo = y is not null && _positions.ContainsKey(y);
        if (!known || !knownToo) return knownToo.CompareTo(known);
        return Compare(_positions[x!], _positions[y!]);
    }

    private static int Compare(Position a, Position b)
    {
        var c = a.Section.CompareTo(b.Section);
        if (c == 0) c = Compare(a.At, b.At);
        return c != 0 ? c : a.Sub.CompareTo(b.Sub);
    }

    // Files are read in ordinal order of their display paths, and items in a file in position order.
    private static int Compare(Location a, Location b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        return c != 0 ? c : a.Column.CompareTo(b.Column);
    }

    /// <summary>Marks the first appearance of every wording (the first set), as the projection does.</summary>
    private void MarkAll()
    {
        foreach (var entry in _claims.Values)
        {
            foreach (var fact in entry.Facts)
            {
                if (fact is not AppearanceFact { QuoteKey: { } key } a) continue;
                if (!_wordings.TryGetValue(key, out var list)) _wordings[key] = list = [];
                list.Add(a);
            }
        }

        foreach (var (key, list) in _wordings)
        {
            var first = list[0];
            var speakers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in list)
            {
                speakers.Add(a.Claimant);
                if (Compare(_positions[a], _positions[first]) < 0) first = a;
            }

            var marked = first with { FirstOfWording = true, WordingSpeakers = speakers.Count };
            _marked[first] = marked;
            _firstOfWording[key] = first;
            _positions[marked] = _positions[first];
        }
    }

    private IFact InSession(IFact fact) => fact is AppearanceFact a && _marked.TryGetValue(a, out var marked) ? marked : fact;

    private void UpdateSources(ClaimSet set, HashSet<string> dirty, List<IFact> retracted, List<IFact> inserted)
    {
        if (_started && Same(set.Sources, _sourceList)) return;
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var source in set.Sources) sources.TryAdd(source.Id, source);
        var lineages = FactProjection.Lineages(set.Sources, sources);
        var copies = FactProjection.Copies(set.Sources);
        var facts = new Dictionary<string, SourceFact>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var source in set.Sources)
        {
            var fact = FactProjection.SourceFactOf(source, sources, lineages, copies);
            if (_sourceFacts.TryGetValue(source.Id, out var old) && FactContent.Instance.Equals(old, fact))
            {
                fact = old;
            }
            else
            {
                changed.Add(source.Id);
                if (old is not null)
                {
                    retracted.Add(old);
                    _positions.Remove(old);
                }

                inserted.Add(fact);
            }

            facts[source.Id] = fact;
            _positions[fact] = new Position(0, source.Location, 0);
        }

        foreach (var (id, old) in _sourceFacts)
        {
            if (facts.ContainsKey(id)) continue;
            changed.Add(id);
            retracted.Add(old);
            _positions.Remove(old);
        }

        if (_started && changed.Count > 0)
        {
            // A claim's facts read its sources and those of their lineage (origins, an outlet's own voice):
            // every claim that uses a source of a lineage a changed source was or is in is projected again.
            var lineagesHit = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in changed)
            {
                if (_lineages.TryGetValue(id, out var was)) lineagesHit.Add("old:" + was);
                if (lineages.TryGetValue(id, out var now)) lineagesHit.Add("new:" + now);
            }

            foreach (var id in _sourceFacts.Keys.Concat(facts.Keys).Distinct(StringComparer.Ordinal))
            {
                var hit = (_lineages.TryGetValue(id, out var was) && lineagesHit.Contains("old:" + was))
                    || (lineages.TryGetValue(id, out var now) && lineagesHit.Contains("new:" + now));
                if (hit && _claimsBySource.TryGetValue(id, out var claims)) dirty.UnionWith(claims);
            }
        }

        (_sourceList, _sources, _lineages, _origins, _sourceFacts) = (set.Sources, sources, lineages, FactProjection.Origins(sources), facts);
    }

    /// <summary>
    /// Puts back into <paramref name="now"/> the instances of <paramref name="before"/> whose content is unchanged (the
    /// session holds those; they stay), adds the facts that are new to <paramref name="added"/>, and returns the
    /// instances of <paramref name="before"/> that are gone.
    /// </summary>
    private static IEnumerable<IFact> KeepUnchanged(IReadOnlyCollection<IFact> before, List<IFact> now, List<IFact> added)
    {
        var pool = new Dictionary<IFact, List<IFact>>(before.Count, FactContent.Instance);
        foreach (var fact in before)
        {
            if (pool.TryGetValue(fact, out var list)) list.Add(fact);
            else pool[fact] = [fact];
        }

        for (var i = 0; i < now.Count; i++)
        {
            if (pool.TryGetValue(now[i], out var same) && same.Count > 0)
            {
                now[i] = same[^1];
                same.RemoveAt(same.Count - 1);
            }
            else
            {
                added.Add(now[i]);
            }
        }

        return pool.Values.SelectMany(rest => rest);
    }

    private void UpdatePropositions(ClaimSet set, HashSet<string> dirty, List<IFact> retracted, List<IFact> inserted)
    {
        if (_started && Same(set.Propositions, _propositionList)) return;
        var graph = new PropositionGraph(set.Propositions);
        var facts = new List<IFact>();
        var positions = new List<Position>();
        foreach (var proposition in set.Propositions)
        {
            var from = facts.Count;
            FactProjection.AddPropositionFacts(proposition, facts);
            for (var i = from; i < facts.Count; i++) positions.Add(new Position(1, proposition.Location, i - from));
        }

        foreach (var fact in KeepUnchanged(_propositionFacts, facts, inserted))
        {
            retracted.Add(fact);
            _positions.Remove(fact);
        }

        for (var i = 0; i < facts.Count; i++) _positions[facts[i]] = positions[i];

        if (_started)
        {
            // A stance's entailed stances follow the edges: claims whose stances now entail something else.
            foreach (var (proposition, claims) in _claimsByProposition)
            {
                foreach (var polarity in Polarities)
                {
                    if (!_graph.Entailed(proposition, polarity).SequenceEqual(graph.Entailed(proposition, polarity)))
                    {
                        dirty.UnionWith(claims);
                        break;
                    }
                }
            }
        }

        (_propositionList, _graph, _propositionFacts) = (set.Propositions, graph, facts);
    }

    private static readonly string[] Polarities = [.. Enum.GetValues<StancePolarity>().Select(p => Claims.Loading.KebabCase.Of(p))];

    /// <summary>
    /// The <c>same_as</c> groups of the claims that changed, and of every claim linked to them before or now, built again;
    /// the claims whose group's figures changed are dirty.
    /// </summary>
    private void UpdateGroups(ClaimSet set, HashSet<string> dirty)
    {
        List<Claim> reached;
        if (!_started)
        {
            reached = [.. set.Claims];
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            void Visit(string id)
            {
                if (_claims.ContainsKey(id) && seen.Add(id)) queue.Enqueue(id);
            }

            foreach (var id in dirty)
            {
                Visit(id);
                if (_groupOf.TryGetValue(id, out var group) && _groupMembers.TryGetValue(group.Id, out var members))
                {
                    foreach (var member in members) Visit(member);
                }
            }

            while (queue.Count > 0)
            {
                var id = queue.Dequeue();
                foreach (var link in _claims[id].Claim.Links.SameAs) Visit(link.Id);
                if (_linkedBy.TryGetValue(id, out var by))
                {
                    foreach (var from in by) Visit(from);
                }
            }

            reached = seen.Select(id => _claims[id].Claim).ToList();
            reached.Sort((a, b) => Compare(a.Location, b.Location));
        }

        var groups = ClaimGroups.Build(reached, id => _lineages.GetValueOrDefault(id, id));
        foreach (var id in dirty)
        {
            if (_claims.ContainsKey(id) || !_groupOf.Remove(id, out var gone)) continue;
            RemoveMember(gone.Id, id);
        }

        var stats = new ClaimGroups.Stats();
        for (var i = 0; i < reached.Count; i++)
        {
            var claim = reached[i];
            var group = groups.Of(i, claim, stats);
            if (_groupOf.TryGetValue(claim.Id, out var old))
            {
                if (old == group) continue;
                RemoveMember(old.Id, claim.Id);
            }

            dirty.Add(claim.Id);
            _groupOf[claim.Id] = group;
            if (!_groupMembers.TryGetValue(group.Id, out var members)) _groupMembers[group.Id] = members = new HashSet<string>(StringComparer.Ordinal);
            members.Add(claim.Id);
        }
    }

    private void RemoveMember(string group, string claim)
    {
        if (_groupMembers.TryGetValue(group, out var members) && members.Remove(claim) && members.Count == 0) _groupMembers.Remove(group);
    }

    /// <summary>The claims' facts (without wording marks), by the projection's own code, side by side in chunks when there are many.</summary>
    private Dictionary<ClaimEntry, List<IFact>> Project(List<ClaimEntry> entries)
    {
        var claims = new Claim[entries.Count];
        var groups = new ClaimGroups.Group[entries.Count];
        for (var i = 0; i < entries.Count; i++) (claims[i], groups[i]) = (entries[i].Claim, _groupOf[entries[i].Claim.Id]);

        // One chunk (a save's few claims) reuses the dates resolved on earlier saves; chunks side by side have their own.
        var context = new FactProjection.Context(_sources, _lineages, _origins, _graph);
        var lists = FactProjection.ProjectEach(claims, groups, context, new FactProjection.Scratch(_resolutions, _dates));
        var result = new Dictionary<ClaimEntry, List<IFact>>(entries.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++) result[entries[i]] = lists[i];
        return result;
    }

    private void Index(ClaimEntry entry) => ForEachKey(entry, Add);

    private void Unindex(ClaimEntry entry) => ForEachKey(entry, Remove);

    /// <summary>Applies <paramref name="apply"/> to each key a claim is indexed under: its sources, propositions and same_as targets.</summary>
    private void ForEachKey(ClaimEntry entry, Action<Dictionary<string, HashSet<string>>, string, string> apply)
    {
        var claim = entry.Claim;
        foreach (var a in claim.Appearances) apply(_claimsBySource, a.Source.Id, claim.Id);
        foreach (var c in claim.Cites)
        {
            if (c.Source is not null) apply(_claimsBySource, c.Source.Id, claim.Id);
        }

        foreach (var s in claim.Stances) apply(_claimsByProposition, s.Proposition.Id, claim.Id);
        foreach (var link in claim.Links.SameAs) apply(_linkedBy, link.Id, claim.Id);
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string claim)
    {
        if (!index.TryGetValue(key, out var set)) index[key] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(claim);
    }

    private static void Remove(Dictionary<string, HashSet<string>> index, string key, string claim)
    {
        if (index.TryGetValue(key, out var set) && set.Remove(claim) && set.Count == 0) index.Remove(key);
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i])) return false;
        }

        return true;
    }

    /// <summary>Where a fact stands in the projection: sources, then propositions, then claims; inside each by position, then in projection order.</summary>
    private readonly record struct Position(int Section, Location At, int Sub);

    /// <summary>One claim as last projected.</summary>
    private sealed class ClaimEntry(Claim claim)
    {
        public Claim Claim { get; } = claim;

        /// <summary>Its facts in projection order, without wording marks.</summary>
        public List<IFact> Facts { get; set; } = [];

        public int Generation { get; set; }

    }
}
