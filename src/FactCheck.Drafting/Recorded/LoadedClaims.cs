using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting.Recorded;

/// <summary>The drafter's view of a loaded <see cref="ClaimSet"/>; each claim converted once, when first read.</summary>
internal sealed class LoadedClaims : ClaimsView
{
    private readonly ClaimSet _set;
    private readonly RecordedClaim?[] _claims;
    private Dictionary<string, RecordedSource>? _sources;
    private Dictionary<string, string>? _texts;
    private HashSet<string>? _ids;

    public LoadedClaims(ClaimSet set)
    {
        _set = set;
        _claims = new RecordedClaim?[set.Claims.Count];
    }

    public override int Count => _claims.Length;

    public override RecordedClaim Claim(int claim) => _claims[claim] ??= Convert(_set.Claims[claim]);

    public override string Statement(int claim) => _set.Claims[claim].Statement;

    public override string Quote(int claim, int appearance) => _set.Claims[claim].Appearances[appearance].Quote;

    // Read straight from the set: the index's key and build read every claim, and need no converted copy of it.
    public override int AppearanceCount(int claim) => _set.Claims[claim].Appearances.Count;

    public override string AppearanceSource(int claim, int appearance) => _set.Claims[claim].Appearances[appearance].Source.Id;

    public override RecordedSource? Source(string id) => SourcesById().GetValueOrDefault(id);

    public override IEnumerable<RecordedSource> Sources() => SourcesById().Values;

    public override string? SourceText(string id) => Texts().GetValueOrDefault(id);

    public override IEnumerable<(string Id, string Text)> SourceTexts() => Texts().Select(kv => (kv.Key, kv.Value));

    public override IEnumerable<string> ClaimIds() => _set.Claims.Select(c => c.Id);

    public override bool IsClaimId(string id) => (_ids ??= new HashSet<string>(ClaimIds(), StringComparer.Ordinal)).Contains(id);

    public override PropositionFinder PropositionFinder() => Matching.PropositionFinder.Build(Propositions());

    public override IEnumerable<(string Key, string Description)> Propositions() => _set.Propositions.Select(p => (p.Key, p.Description));

    private Dictionary<string, RecordedSource> SourcesById()
    {
        if (_sources is null)
        {
            // Filled before it is published, so that no thread ever sees it half made.
            var sources = new Dictionary<string, RecordedSource>(StringComparer.Ordinal);
            foreach (var s in _set.Sources) sources.TryAdd(s.Id, new RecordedSource(s.Id, s.Published, s.Outlet, s.Wire, s.Text));
            _sources = sources;
        }

        return _sources;
    }

    private Dictionary<string, string> Texts()
    {
        if (_texts is null)
        {
            // Insertion order is the sources' order: the index cache's key hashes the texts in it.
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in _set.Sources)
            {
                if (s.Text is { Length: > 0 } text) texts.TryAdd(s.Id, text);
            }

            _texts = texts;
        }

        return _texts;
    }

    private static RecordedClaim Convert(Claim c) => new(
        c.Id,
        c.Claimant.Name,
        c.Claimant.Kind,
        c.Claimant.Role,
        c.Location.File,
        c.Location.Line,
        c.Stances.Select(s => s.Proposition.Id).ToArray(),
        c.Appearances.Select(a => new RecordedAppearance(a.Source.Id, a.Quote)).ToArray());
}
