using System.Text;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// The drafter's view of the recorded claims read back from a snapshot file (<see cref="Snapshot"/>): flat arrays of
/// string numbers over one table of UTF-8 strings, each string decoded when first read. A draft reads the few hundred
/// claims its lookups shortlist, so most of the 100,000 claims' words are never decoded.
/// </summary>
internal sealed class SnapshotClaims : ClaimsView
{
    internal const int ClaimInts = 11;
    internal const int AppearanceInts = 2;
    internal const int SourceInts = 5;
    internal const int TextInts = 3;
    internal const int PropositionInts = 2;

    private readonly byte[] _file;
    private readonly int _blob;
    private readonly int[] _offsets;
    private readonly string?[] _strings;
    private readonly int[] _claims;
    private readonly int[] _appearances;
    private readonly int[] _stances;
    private readonly int[] _sources;
    private readonly int[] _texts;
    private readonly int[] _propositions;
    private readonly HashedStrings _ids;
    private readonly HashedStrings _words;
    private readonly RecordedClaim?[] _decoded;
    private Dictionary<string, int>? _sourceById;
    private Dictionary<string, int>? _textById;

    /// <param name="file">The file's bytes; strings are decoded from them as they are read.</param>
    /// <param name="blob">Where the strings' bytes begin in <paramref name="file"/>; <paramref name="offsets"/> are relative to it.</param>
    internal SnapshotClaims(byte[] file, int blob, int[] offsets, int[] claims, int[] appearances, int[] stances, int[] sources, int[] texts, int[] propositions, HashedStrings ids, HashedStrings words)
    {
        _file = file;
        _blob = blob;
        _offsets = offsets;
        _strings = new string?[offsets.Length - 1];
        _claims = claims;
        _appearances = appearances;
        _stances = stances;
        _sources = sources;
        _texts = texts;
        _propositions = propositions;
        _ids = ids;
        _words = words;
        _decoded = new RecordedClaim?[claims.Length / ClaimInts];
    }

    public override int Count => _decoded.Length;

    public override RecordedClaim Claim(int claim) => _decoded[claim] ??= Decode(claim);

    public override string Statement(int claim) => S(_claims[(claim * ClaimInts) + 1])!;

    public override string Quote(int claim, int appearance) => S(_appearances[((_claims[(claim * ClaimInts) + 7] + appearance) * AppearanceInts) + 1])!;

    public override RecordedSource? Source(string id)
    {
        if (_sourceById is null)
        {
            _sourceById = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _sources.Length / SourceInts; i++) _sourceById.TryAdd(S(_sources[i * SourceInts])!, i);
        }

        return _sourceById.TryGetValue(id, out var at) ? SourceAt(at) : null;
    }

    public override IEnumerable<RecordedSource> Sources()
    {
        for (var i = 0; i < _sources.Length / SourceInts; i++) yield return SourceAt(i);
    }

    public override string? SourceText(string id)
    {
        if (_textById is null)
        {
            _textById = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _texts.Length / TextInts; i++) _textById.TryAdd(S(_texts[i * TextInts])!, i);
        }

        return _textById.TryGetValue(id, out var at) ? S(_texts[(at * TextInts) + 1]) : null;
    }

    public override IEnumerable<(string Id, string Text)> SourceTexts()
    {
        for (var i = 0; i < _texts.Length / TextInts; i++) yield return (S(_texts[i * TextInts])!, S(_texts[(i * TextInts) + 1])!);
    }

    public override IEnumerable<string> ClaimIds()
    {
        for (var c = 0; c < Count; c++) yield return S(_claims[c * ClaimInts])!;
    }

    public override IEnumerable<(string Key, string Description)> Propositions()
    {
        for (var i = 0; i < _propositions.Length / PropositionInts; i++) yield return (S(_propositions[i * PropositionInts])!, S(_propositions[(i * PropositionInts) + 1])!);
    }

    public override bool IsClaimId(string id) => _ids.Find(id, i => S(i)!).Count > 0;

    public override PropositionFinder PropositionFinder() =>
        Matching.PropositionFinder.Over(
            word => _words.Find(word, i => S(i)!),
            i => (S(_propositions[i * PropositionInts])!, S(_propositions[(i * PropositionInts) + 1])!));

    /// <summary>The string numbered <paramref name="i"/>; -1 is null.</summary>
    private string? S(int i) => i < 0 ? null : _strings[i] ??= Encoding.UTF8.GetString(_file, _blob + _offsets[i], _offsets[i + 1] - _offsets[i]);

    private RecordedSource SourceAt(int i)
    {
        var at = i * SourceInts;
        var published = S(_sources[at + 1]) is { } date && PartialDate.TryParse(date, out var d, out _) ? d : (PartialDate?)null;
        return new RecordedSource(S(_sources[at])!, published, S(_sources[at + 2]), S(_sources[at + 3]), S(_sources[at + 4]));
    }

    private RecordedClaim Decode(int claim)
    {
        var at = claim * ClaimInts;
        var appearances = new RecordedAppearance[_claims[at + 8]];
        for (var a = 0; a < appearances.Length; a++)
        {
            var p = (_claims[at + 7] + a) * AppearanceInts;
            appearances[a] = new RecordedAppearance(S(_appearances[p])!, S(_appearances[p + 1])!);
        }

        var stances = new string[_claims[at + 10]];
        for (var s = 0; s < stances.Length; s++) stances[s] = S(_stances[_claims[at + 9] + s])!;
        return new RecordedClaim(S(_claims[at])!, S(_claims[at + 2])!, (ClaimantKind)_claims[at + 3], S(_claims[at + 4]), S(_claims[at + 5])!, _claims[at + 6], stances, appearances);
    }
}
