using System.Text;
using FactCheck.Claims.Model;
using FactCheck.Drafting;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// What an import proposes: reviews of claims already recorded (the same claimant and near-same words, matched with
/// the drafting project's <see cref="LookAlikes"/>, the index <c>factcheck match</c> uses), and new claims with the
/// sources they appeared in. A fact-check already recorded (its address on the matched claim's review) is left out.
/// </summary>
internal sealed class ImportPlan
{
    /// <summary>A review for a recorded claim.</summary>
    /// <param name="Conflict">The claim already carries another published review: shown, never written over it.</param>
    public sealed record ForRecorded(ImportedReview Review, Claim Claim, double Similarity, bool Conflict);

    public sealed record NewSource(string Id, ImportedWork Work);

    /// <param name="Sources">The ids of the sources it appeared in; <paramref name="FromFactCheck"/> when that is the fact-check itself.</param>
    public sealed record NewClaim(string Id, ImportedReview Review, IReadOnlyList<string> Sources, bool FromFactCheck);

    public List<ForRecorded> Reviews { get; } = [];

    public List<NewClaim> Claims { get; } = [];

    public List<NewSource> Sources { get; } = [];

    /// <summary>Reviews left out, and why.</summary>
    public List<string> Skipped { get; } = [];

    public static ImportPlan Build(IReadOnlyList<ImportedReview> reviews, ClaimSet recorded)
    {
        var plan = new ImportPlan();
        // The same fact-check read twice (a page and its JSON, or two blocks) is one.
        var seen = new HashSet<(string, string)>();
        var unique = reviews.Where(r => seen.Add((ClaimReviewReader.Key(r.Url), r.ClaimReviewed))).ToList();
        var reviewed = recorded.Claims.Where(c => c.Review.Url is not null).ToLookup(c => ClaimReviewReader.Key(c.Review.Url!), StringComparer.Ordinal);

        // The imported claims join the recorded ones for one look-alike search: a pair of one recorded and one
        // imported claim with a compatible speaker and near-same words is the same claim.
        var pseudo = unique.Select((r, i) => new Claim(
            $"claimreview-import-{i}", r.ClaimReviewed, new Claimant(r.ClaimantName ?? "", r.ClaimantKind, r.ClaimantRole, Location.None), null, [],
            [new Appearance(new Reference("claimreview", Location.None), AttributionKind.Paraphrase, r.ClaimReviewed, null, null, [], Location.None)],
            [], new Review(ReviewStatus.Unreviewed, null, null, Location.None), ClaimLinks.Empty, [], null, Location.None)).ToList();
        var index = new Dictionary<Claim, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < pseudo.Count; i++) index[pseudo[i]] = i;
        var combined = recorded with { Claims = recorded.Claims.Concat(pseudo).ToList() };
        var matches = new List<(Claim Recorded, double Similarity)>[unique.Count];
        for (var i = 0; i < matches.Length; i++) matches[i] = [];
        foreach (var pair in LookAlikes.Find(combined, ClaimDrafter.AppearanceThreshold))
        {
            var firstImported = index.TryGetValue(pair.First, out var a);
            var secondImported = index.TryGetValue(pair.Second, out var b);
            if (firstImported == secondImported) continue;
            if (firstImported) matches[a].Add((pair.Second, pair.Similarity));
            else matches[b].Add((pair.First, pair.Similarity));
        }

        var taken = new HashSet<string>(recorded.Claims.Select(c => c.Id).Concat(recorded.Sources.Select(s => s.Id)), StringComparer.Ordinal);
        var sourcesByUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in recorded.Sources.Where(s => s.Url is not null)) sourcesByUrl.TryAdd(ClaimReviewReader.Key(s.Url!), s.Id);

        for (var i = 0; i < unique.Count; i++)
        {
            var r = unique[i];
            var best = matches[i].OrderByDescending(m => m.Similarity).ThenBy(m => m.Recorded.Id, StringComparer.Ordinal).ToList();
            var same = reviewed[ClaimReviewReader.Key(r.Url)].FirstOrDefault(c => (best.Any(m => m.Recorded == c) || string.Equals(c.Statement.Trim(), r.ClaimReviewed.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (same is not null)
            {
                plan.Skipped.Add($"{r.At}: the review {r.Url} is already recorded on '{same.Id}' ({same.Location})");
                continue;
            }

            if (best.Count > 0)
            {
                var claim = best[0].Recorded;
                plan.Reviews.Add(new ForRecorded(r, claim, best[0].Similarity, HasPublishedReview(claim.Review)));
                continue;
            }

            var ids = new List<string>();
            var works = r.Works.OrderByDescending(w => w.First).ToList();
            foreach (var work in works)
            {
                var key = ClaimReviewReader.Key(work.Url);
                if (!sourcesByUrl.TryGetValue(key, out var id))
                {
                    id = Unique(SourceSlug(work.Url), taken);
                    sourcesByUrl[key] = id;
                    plan.Sources.Add(new NewSource(id, work));
                }

                if (!ids.Contains(id)) ids.Add(id);
            }

            var fromFactCheck = ids.Count == 0;
            if (fromFactCheck)
            {
                // No appearance is given: the fact-check itself reports the claim, so it is the one printing known.
                var key = ClaimReviewReader.Key(r.Url);
                if (!sourcesByUrl.TryGetValue(key, out var id))
                {
                    id = Unique(SourceSlug(r.Url), taken);
                    sourcesByUrl[key] = id;
                    plan.Sources.Add(new NewSource(id, new ImportedWork(r.Url, SourceKind.Article, r.Title, r.Organisation, null, r.Published, false)));
                }

                ids.Add(id);
            }

            var claimId = Unique(ClaimSlug(r.ClaimantName, r.ClaimReviewed), taken);
            plan.Claims.Add(new NewClaim(claimId, r, ids, fromFactCheck));
        }

        return plan;
    }

    /// <summary>A review that says more than "unreviewed": a verdict, or a published fact-check's details.</summary>
    public static bool HasPublishedReview(Review r) =>
        r.Status is not ReviewStatus.Unreviewed || r.Url is not null || r.Rating is not null || r.Organisation is not null || r.Published is not null || r.RatingValue is not null;

    private static string Unique(string slug, HashSet<string> taken)
    {
        var id = slug;
        for (var n = 2; !taken.Add(id); n++) id = $"{slug}-{n}";
        return id;
    }

    /// <summary>The address's host and path, kebab-case: <c>https://www.example.com/news/a1</c> is <c>example-com-news-a1</c>.</summary>
    private static string SourceSlug(string url)
    {
        var uri = new Uri(url);
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return Slug(host + "/" + uri.AbsolutePath, 60, "source");
    }

    private static readonly HashSet<string> Small = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was", "were", "be", "that", "this", "it", "its",
    };

    /// <summary>The claimant's last name and the claim's first content words, as <c>draft</c> names claims.</summary>
    private static string ClaimSlug(string? claimant, string statement)
    {
        var who = claimant?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "claim";
        var words = statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Small.Contains(w.ToLowerInvariant())).Take(6);
        return Slug(who + " " + string.Join(' ', words), 60, "claim");
    }

    private static string Slug(string text, int max, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-' && char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append('-');
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > max) slug = slug[..max].TrimEnd('-');
        return slug.Length == 0 ? fallback : slug;
    }
}
