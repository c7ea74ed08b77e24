using FactCheck.Drafting.Recorded;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Matching;

/// <summary>
/// The recorded claims' words, indexed by word pairs (and single words for texts of three words or fewer) so that a
/// drafted quotation finds its look-alikes through a few posting lists instead of a pass over every claim. Each claim
/// contributes its appearances' quotes, its statement, and, where its source's text is stored, the sentence around
/// each quote (two outlets' sentences around differently worded quotes still share most words).
/// </summary>
internal sealed class ClaimIndex
{
    /// <summary>Word pairs this common are skipped when looking up (they would make every lookup a scan).</summary>
    private const int CommonKeyLimit = 5_000;

    /// <summary>
    /// The score of a printed fragment inside a longer printing ("justice has been served" inside "I feel very comfortable
    /// that justice has been served and ..."): above the drafter's appearance threshold (0.5), below near-same printings
    /// (so a closer printing of another claim still wins). On the published-articles corpus the word-and-pair Dice of such
    /// pairs was 0.35-0.45: proposed as same_as only, though the editor records them under one claim.
    /// </summary>
    internal const double FragmentScore = 0.6;

    /// <summary>Fewer words than this are not a fragment worth matching on ("deep regret", "proud" recur in any speech).</summary>
    internal const int FragmentMinWords = 3;

    internal enum EntryKind : byte
    {
        Quote,
        Statement,
        Context,
    }

    /// <summary>
    /// One indexed text: a claim's statement, an appearance's quote, or the sentence of the appearance's stored source text
    /// around it (<see cref="Start"/> and <see cref="Length"/> into that text). Its word hashes are computed when a lookup
    /// first shortlists it and kept sorted, so that scoring it again (match looks up every printing) allocates nothing.
    /// </summary>
    internal sealed class Entry(int claim, EntryKind kind, int appearance, int start, int length, ClaimsView view)
    {
        private string? _text;
        private ulong[]? _hashes;
        private ulong[]? _sortedWords;
        private ulong[]? _sortedPairs;

        public int Claim { get; } = claim;

        public EntryKind Kind { get; } = kind;

        /// <summary>The appearance's index in its claim (-1 for the statement).</summary>
        public int Appearance { get; } = appearance;

        /// <summary>Where a context sentence starts in its source's text (-1: the owner text is the entry's text).</summary>
        public int Start { get; } = start;

        public int Length { get; } = length;

        public string Text => _text ??= Kind switch
        {
            EntryKind.Statement => view.Statement(Claim),
            EntryKind.Quote => view.Quote(Claim, Appearance),
            // In range by construction; a snapshot file's numbers are checked against the text's length when it is read.
            _ => view.SourceText(view.AppearanceSource(Claim, Appearance)) is { } t && Start + Length <= t.Length ? t.Substring(Start, Length) : "",
        };

        public ulong[] Hashes => _hashes ??= WordHashes.Of(Text);

        public ulong[] SortedWords => _sortedWords ??= WordHashes.Sorted(Hashes);

        public ulong[] SortedPairs => _sortedPairs ??= WordHashes.SortedPairs(Hashes);
    }

    // Built: every entry. Read from a snapshot: each made from _table when a lookup first reaches it (300,000 objects
    // made up front were a fifth of the snapshot's read time).
    private readonly List<Entry?> _entries = [];
    private int[]? _table;
    private byte[] _kinds = [];

    // The postings as flat arrays: every (key, entry) pair sorted by key, then each distinct key's first pair.
    // A dictionary of lists (one list per word pair) made 4 million small objects for 100,000 claims.
    private long[] _keys = [];
    private int[] _starts = [];
    private int[] _postings = [];

    // Per-lookup counters, reused: a dictionary per lookup cost more than the lookup in match over 100,000 claims.
    private int[] _counts = [];
    private readonly List<int> _touched = [];

    /// <summary>The recorded claims the entries belong to.</summary>
    public ClaimsView Claims { get; }

    public int EntryCount => _entries.Count;

    public IEnumerable<Entry> Entries => Enumerable.Range(0, _entries.Count).Select(EntryAt);

    private ClaimIndex(ClaimsView claims) => Claims = claims;

    public static ClaimIndex Build(ClaimsView claims)
    {
        var index = new ClaimIndex(claims);
        var contexts = new Dictionary<string, List<(string Joined, int Start, int End)>>();
        var pairKeys = new List<long>();
        var pairIds = new List<int>();
        var hashes = new List<ulong>();
        var scratch = new List<long>();
        for (var c = 0; c < claims.Count; c++)
        {
            Add(new Entry(c, EntryKind.Statement, -1, -1, 0, claims));
            for (var a = 0; a < claims.AppearanceCount(c); a++)
            {
                Add(new Entry(c, EntryKind.Quote, a, -1, 0, claims));
                var source = claims.AppearanceSource(c, a);
                if (claims.SourceText(source) is { } text && Context(contexts, source, text, claims.Quote(c, a)) is { } sentence)
                {
                    Add(new Entry(c, EntryKind.Context, a, sentence.Start, sentence.End - sentence.Start, claims));
                }
            }
        }

        index.Seal(pairKeys, pairIds);
        return index;

        void Add(Entry e) => index.AddEntry(e, pairKeys, pairIds, hashes, scratch);
    }

    /// <summary>Adds an entry with a text of at least one word, and its (key, entry) pairs to the lists <see cref="Seal"/> sorts.</summary>
    private void AddEntry(Entry e, List<long> pairKeys, List<int> pairIds, List<ulong> hashes, List<long> scratch)
    {
        hashes.Clear();
        WordHashes.Of(e.Text, hashes);
        if (hashes.Count == 0) return;
        var id = _entries.Count;
        _entries.Add(e);
        scratch.Clear();
        WordHashes.Keys(hashes, scratch);
        scratch.Sort();
        for (var i = 0; i < scratch.Count; i++)
        {
            if (i > 0 && scratch[i] == scratch[i - 1]) continue;
            pairKeys.Add(scratch[i]);
            pairIds.Add(id);
        }
    }

    private void Seal(List<long> pairKeys, List<int> pairIds)
    {
        var keys = pairKeys.ToArray();
        var ids = pairIds.ToArray();
        pairKeys.Clear();
        pairIds.Clear();
        Array.Sort(keys, ids);
        var distinct = new List<long>();
        var starts = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1]) continue;
            distinct.Add(keys[i]);
            starts.Add(i);
        }

        starts.Add(keys.Length);
        SetPostings(distinct.ToArray(), starts.ToArray(), ids);
    }

    private void SetPostings(long[] keys, int[] starts, int[] postings)
    {
        _keys = keys;
        _starts = starts;
        _postings = postings;
        _counts = new int[_entries.Count];
        if (_table is null)
        {
            _kinds = new byte[_entries.Count];
            for (var i = 0; i < _kinds.Length; i++) _kinds[i] = (byte)_entries[i]!.Kind;
        }
    }

    /// <summary>The arrays <see cref="IndexCache"/> writes.</summary>
    internal (long[] Keys, int[] Starts, int[] Postings) Postings() => (_keys, _starts, _postings);

    /// <summary>An index read back by <see cref="IndexCache"/>: the entries and postings as written, checked by the reader.</summary>
    internal static ClaimIndex FromParts(ClaimsView claims, List<Entry> entries, long[] keys, int[] starts, int[] postings)
    {
        var index = new ClaimIndex(claims);
        index._entries.AddRange(entries);
        index.SetPostings(keys, starts, postings);
        return index;
    }

    /// <summary>An index read back from a snapshot: the entries as (claim, kind, appearance, start, length) rows, checked by the reader.</summary>
    internal static ClaimIndex FromTable(ClaimsView claims, int[] table, long[] keys, int[] starts, int[] postings)
    {
        var index = new ClaimIndex(claims) { _table = table };
        var count = table.Length / EntryColumns;
        index._entries.AddRange(new Entry?[count]);
        index._kinds = new byte[count];
        for (var i = 0; i < count; i++) index._kinds[i] = (byte)table[(i * EntryColumns) + 1];
        index.SetPostings(keys, starts, postings);
        return index;
    }

    internal const int EntryColumns = 5;

    private Entry EntryAt(int id) => _entries[id] ??= MakeEntry(id);

    private Entry MakeEntry(int id)
    {
        var at = id * EntryColumns;
        return new Entry(_table![at], (EntryKind)_table[at + 1], _table[at + 2], _table[at + 3], _table[at + 4], Claims);
    }

    private static List<long> KeysOf(ulong[] hashes)
    {
        var keys = new List<long>();
        WordHashes.Keys(hashes, keys);
        return keys.Distinct().ToList();
    }

    /// <summary>The sentence of the source's text that holds the quote's words, if any, as offsets into the text.</summary>
    private static (int Start, int End)? Context(Dictionary<string, List<(string Joined, int Start, int End)>> cache, string sourceId, string text, string quote)
    {
        if (!cache.TryGetValue(sourceId, out var sentences))
        {
            var article = new Article(text);
            sentences = article.Sentences.Select(s => (" " + string.Join(' ', Words.Of(s.Text(text))) + " ", s.Start, s.End)).ToList();
            cache[sourceId] = sentences;
        }

        var needle = " " + string.Join(' ', Words.Of(quote)) + " ";
        if (needle.Length <= 2) return null;
        foreach (var s in sentences)
        {
            if (s.Joined.Contains(needle, StringComparison.Ordinal)) return (s.Start, s.End);
        }

        return null;
    }

    /// <summary>A recorded claim that looks like a drafted printing, with the entry that looks most like it.</summary>
    internal sealed record Candidate(int Claim, double Score, double QuoteScore, Entry Best);

    /// <summary>
    /// The recorded claims whose words look most like <paramref name="quote"/> (and, for claims whose sources' texts are
    /// stored, whose sentences look like <paramref name="sentence"/>), best first.
    /// </summary>
    /// <param name="rarest">The share of the quote's keys looked up, rarest first: a text that scores high must share
    /// some of the rare ones, so <c>match</c> over every recorded printing reads the short posting lists only.</param>
    /// <param name="shortlist">How many of the entries sharing most keys are scored.</param>
    /// <param name="minShared">Entries sharing fewer of the looked-up keys than this share are not scored.</param>
    /// <param name="fragments">Score a phrase of three words or more printed whole inside the other text (an outlet quoting
    /// a fragment of the remark another printed in full, or the reverse) as <see cref="FragmentScore"/> at least.</param>
    public List<Candidate> Find(string[] quote, string[]? sentence, int take = 5, double rarest = 1.0, int shortlist = 64, double minShared = 0, bool fragments = false) =>
        Find(new Probe(quote), sentence is { Length: > 0 } ? new Probe(sentence) : null, take, rarest, shortlist, minShared, fragments);

    /// <summary>A looked-up text's word hashes, unsorted (for phrases) and sorted (for the Dice coefficients).</summary>
    internal sealed class Probe
    {
        public Probe(string[] words) : this(words.Select(w => WordHashes.Hash(w)).ToArray())
        {
        }

        public Probe(ulong[] hashes)
        {
            Hashes = hashes;
            SortedWords = WordHashes.Sorted(hashes);
            SortedPairs = WordHashes.SortedPairs(hashes);
        }

        public ulong[] Hashes { get; }

        public ulong[] SortedWords { get; }

        public ulong[] SortedPairs { get; }
    }

    internal List<Candidate> Find(Probe quote, Probe? sentence, int take = 5, double rarest = 1.0, int shortlist = 64, double minShared = 0, bool fragments = false)
    {
        _touched.Clear();
        try
        {
            var probed = Collect(quote.Hashes, contextOnly: false, rarest);
            if (sentence is not null) Collect(sentence.Hashes, contextOnly: true, 1.0);
            if (_touched.Count == 0) return [];

            // Score only the entries that share the most keys: the rest cannot come close.
            var least = Math.Max(1, (int)Math.Ceiling(probed * minShared));
            var scored = Shortlist(least, shortlist);
            var byClaim = new Dictionary<int, (double Quote, double Context, Entry Best)>();
            foreach (var id in scored)
            {
                var e = EntryAt(id);
                var (q, ctx, _) = byClaim.GetValueOrDefault(e.Claim);
                var best = byClaim.TryGetValue(e.Claim, out var known) ? known.Best : e;
                if (e.Kind == EntryKind.Context)
                {
                    if (sentence is null) continue;
                    ctx = Math.Max(ctx, WordHashes.Similarity(sentence.SortedWords, sentence.SortedPairs, e.SortedWords, e.SortedPairs));
                }
                else
                {
                    var s = WordHashes.Similarity(quote.SortedWords, quote.SortedPairs, e.SortedWords, e.SortedPairs);
                    if (fragments && e.Kind == EntryKind.Quote && WordHashes.HoldsPhrase(quote.Hashes, e.Hashes, FragmentMinWords)) s = Math.Max(s, FragmentScore);
                    if (e.Kind == EntryKind.Statement) s *= 0.9; // an editor's restatement, not printed words
                    if (s > q) best = e;
                    q = Math.Max(q, s);
                }

                byClaim[e.Claim] = (q, ctx, best);
            }

            return byClaim
                .Select(kv => new Candidate(kv.Key, Math.Max(kv.Value.Quote, (kv.Value.Quote + kv.Value.Context) / 2), kv.Value.Quote, kv.Value.Best))
                .Where(c => c.Score > 0.2)
                .OrderByDescending(c => c.Score)
                .Take(take)
                .ToList();
        }
        finally
        {
            foreach (var id in _touched) _counts[id] = 0;
        }
    }

    /// <summary>The entries sharing the most keys (at least <paramref name="least"/>), most first, at most <paramref name="size"/>.</summary>
    private List<int> Shortlist(int least, int size)
    {
        // Most shared keys first; ties in the order the entries were first met (as the dictionary this replaced kept them).
        var picked = new List<(int Id, int Count, int Order)>();
        for (var i = 0; i < _touched.Count; i++)
        {
            var id = _touched[i];
            if (_counts[id] >= least) picked.Add((id, _counts[id], i));
        }

        picked.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Order.CompareTo(b.Order));
        if (picked.Count > size) picked.RemoveRange(size, picked.Count - size);
        return picked.Select(p => p.Id).ToList();
    }

    /// <returns>How many keys were looked up.</returns>
    private int Collect(ulong[] hashes, bool contextOnly, double rarest)
    {
        var keys = KeysOf(hashes);

        // Each key's posting list found once (a binary search over millions of keys is most of a lookup's cost).
        var lists = new (int Start, int Length, int Order)[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            var i = Array.BinarySearch(_keys, keys[k]);
            lists[k] = i < 0 ? (0, 0, k) : (_starts[i], _starts[i + 1] - _starts[i], k);
        }

        var use = lists.Length;
        if (rarest < 1.0)
        {
            // Rarest first; equally rare keys in the text's order.
            Array.Sort(lists, (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Order.CompareTo(b.Order));
            use = Math.Min(lists.Length, (int)Math.Ceiling(lists.Length * rarest) + 1);
        }

        for (var k = 0; k < use; k++)
        {
            var (start, length, _) = lists[k];
            if (length > CommonKeyLimit) continue;
            foreach (var id in _postings.AsSpan(start, length))
            {
                if (contextOnly != (_kinds[id] == (byte)EntryKind.Context)) continue;
                if (_counts[id]++ == 0) _touched.Add(id);
            }
        }

        return use;
    }
}
