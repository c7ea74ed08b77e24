using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>One published ClaimReview as read from JSON-LD, in the project's terms.</summary>
/// <param name="At">Where its ClaimReview object starts.</param>
/// <param name="ClaimantName">The claim's author (<c>itemReviewed.author.name</c>); null when the markup names none.</param>
/// <param name="ClaimDate">When the claim was made (<c>itemReviewed.datePublished</c>).</param>
/// <param name="Works">Where the claim appeared (<c>itemReviewed.appearance</c>/<c>firstAppearance</c>), each address once.</param>
/// <param name="Title">The fact-check's own headline or name, for a source made of the fact-check itself.</param>
internal sealed record ImportedReview(
    Location At,
    string ClaimReviewed,
    string Url,
    PartialDate? Published,
    string Rating,
    decimal? RatingValue,
    decimal? BestRating,
    decimal? WorstRating,
    string? Organisation,
    string? ClaimantName,
    ClaimantKind ClaimantKind,
    string? ClaimantRole,
    PartialDate? ClaimDate,
    IReadOnlyList<ImportedWork> Works,
    string? Title);
