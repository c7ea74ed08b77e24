using FactCheck.Claims.Model;
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
    /// <summary>
    /// The score of a printed fragment inside a longer printing ("justice has been served" inside "I feel very comfortable
    /// that justice has been served and ..."): above the drafter's appearance threshold (0.5), below near-same printings
    /// (so a closer printing of another claim still wins). On the published-articles corpus the word-and-pair Dice of such
    /// pairs was 0.35-0.45: proposed as same_as only, though the editor records them under one claim.
    /// </summary>
    internal const double FragmentScore = 0.6;

    /// <summary>Fewer words than this are not a fragment worth matching on ("deep regret", "proud" recur in any speech).</summary>
    internal const int FragmentMinWords = 3;

    /// <summary>Word pairs this common are skipped when looking up (they would make every lookup a scan).</summary>
    private const int CommonKeyLimit = 5_000;

    internal enum EntryKind
    {
        Quote,
        Statement,
        Context,
    }

    /// <summary>One indexed text; its words are read again only when a lookup shortlists it.</summary>
    internal sealed class Entry(int claim, EntryKind kind, string text, string? source)
    {
        private string[]? _words;

        public int Claim { get; } = claim;

        public EntryKind Kind { get; } = kind;

        public string Text { get; } = text;

        public string? Source { get; } = source;

        public string[] Words => _words ??= Matching.Words.Of(Text);
    }

    private readonly List<Entry> _entries = [];

    // The postings as flat arrays: every (key, entry) pair sorted by key, then each distinct key's first pair.
    // A dictionary of lists (one list per word pair) made 4 million small objects for 100,000 claims.
    private long[] _keys = [];
    private int[] _starts = [];
    private int[] _postings = [];

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Entry> Entries => _entries;

    private ClaimIndex(IReadOnlyList<Claim> claims) => Claims = claims;

    public static ClaimIndex Build(ClaimSet set)
    {
        var index = new ClaimIndex(set.Claims);
        var sources = set.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var contexts = new Dictionary<string, List<(string Joined, string Sentence)>>();
        for (var c = 0; c < set.Claims.Count; c++)
        {
            var claim = set.Claims[c];
            index.Add(c, EntryKind.Statement, claim.Statement, null);
            foreach (var a in claim.Appearances)
            {
                index.Add(c, EntryKind.Quote, a.Quote, a.Source.Id);
                if (sources.TryGetValue(a.Source.Id, out var source) && source.Text is { Length: > 0 } text
                    && Context(contexts, source.Id, text, a.Quote) is { } sentence)
                {
                    index.Add(c, EntryKind.Context, sentence, a.Source.Id);
                }
            }
        }

        index.Seal();
        return index;
    }

    private readonly List<long> _pairKeys = [];
    private readonly List<int> _pairIds = [];
    private readonly List<ulong> _hashes = [];
    private readonly List<long> _scratch = [];

    private void Add(int claim, EntryKind kind, string text, string? source)
    {
        _hashes.Clear();
        WordHashes.Of(text, _hashes);
        if (_hashes.Count == 0) return;
        var id = _entries.Count;
        _entries.Add(new Entry(claim, kind, text, source));
        _scratch.Clear();
        WordHashes.Keys(_hashes, _scratch);
        _scratch.Sort();
        for (var i = 0; i < _scratch.Count; i++)
        {
            if (i > 0 && _scratch[i] == _scratch[i - 1]) continue;
            _pairKeys.Add(_scratch[i]);
            _pairIds.Add(id);
        }
    }

    private void Seal()
    {
        var keys = _pairKeys.ToArray();
        var ids = _pairIds.ToArray();
        _pairKeys.Clear();
        _pairKeys.TrimExcess();
        _pairIds.Clear();
        _pairIds.TrimExcess();
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
        _keys = distinct.ToArray();
        _starts = starts.ToArray();
        _postings = ids;
    }

    private ReadOnlySpan<int> Postings(long key)
    {
        var i = Array.BinarySearch(_keys, key);
        return i < 0 ? [] : _postings.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);
    }

    private static List<long> KeysOf(string[] words)
    {
        var hashes = words.Select(w => WordHashes.Hash(w)).ToList();
        var keys = new List<long>();
        WordHashes.Keys(hashes, keys);
        return keys.Distinct().ToList();
    }

    /// <summary>The sentence of the source's text that holds the quote's words, if any.</summary>
    private static string? Context(Dictionary<string, List<(string Joined, string Sentence)>> cache, string sourceId, string text, string quote)
    {
        if (!cache.TryGetValue(sourceId, out var sentences))
        {
            var article = new Article(text);
            sentences = article.Sentences.Select(s => (" " + string.Join(' ', Words.Of(s.Text(text))) + " ", s.Text(text))).ToList();
            cache[sourceId] = sentences;
        }

        var needle = " " + string.Join(' ', Words.Of(quote)) + " ";
        if (needle.Length <= 2) return null;
        return sentences.FirstOrDefault(s => s.Joined.Contains(needle, StringComparison.Ordinal)).Sentence;
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
    public List<Candidate> Find(string[] quote, string[]? sentence, int take = 5, double rarest = 1.0, int shortlist = 64, double minShared = 0, bool fragments = false)
    {
        var hits = new Dictionary<int, int>();
        var probed = Collect(quote, hits, contextOnly: false, rarest);
        if (sentence is { Length: > 0 }) Collect(sentence, hits, contextOnly: true, 1.0);
        if (hits.Count == 0) return [];

        // Score only the entries that share the most keys: the rest cannot come close.
        var least = (int)Math.Ceiling(probed * minShared);
        var scored = hits.Where(h => h.Value >= least).OrderByDescending(h => h.Value).Take(shortlist).Select(h => h.Key);
        var byClaim = new Dictionary<int, (double Quote, double Context, Entry Best)>();
        foreach (var id in scored)
        {
            var e = _entries[id];
            var (q, ctx, _) = byClaim.GetValueOrDefault(e.Claim);
            var best = byClaim.TryGetValue(e.Claim, out var known) ? known.Best : e;
            if (e.Kind == EntryKind.Context)
            {
                if (sentence is null) continue;
                ctx = Math.Max(ctx, Words.Similarity(sentence, e.Words));
            }
            else
            {
                var s = Words.Similarity(quote, e.Words);
                if (fragments && e.Kind == EntryKind.Quote && Words.HoldsPhrase(quote, e.Words, FragmentMinWords)) s = Math.Max(s, FragmentScore);
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

    /// <returns>How many keys were looked up.</returns>
    private int Collect(string[] words, Dictionary<int, int> hits, bool contextOnly, double rarest)
    {
        var keys = KeysOf(words);
        if (rarest < 1.0) keys = keys.OrderBy(k => Postings(k).Length).Take((int)Math.Ceiling(keys.Count * rarest) + 1).ToList();
        foreach (var key in keys)
        {
            var list = Postings(key);
            if (list.Length > CommonKeyLimit) continue;
            foreach (var id in list)
            {
                if (contextOnly != (_entries[id].Kind == EntryKind.Context)) continue;
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        return keys.Count;
    }
}
