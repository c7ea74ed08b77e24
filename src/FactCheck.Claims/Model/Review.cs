using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Model;

/// <summary>The fact-checker's review of a claim, and where it is published when it is (schema.org ClaimReview's fields).</summary>
/// <param name="Url">The published fact-check's address.</param>
/// <param name="Published">When the fact-check was published.</param>
/// <param name="Rating">The verdict as published, in words ("False", "Misleading", "Half true").</param>
/// <param name="RatingValue">The verdict on a numeric scale, when the organisation uses one.</param>
/// <param name="BestRating">The scale's best value (schema.org default 5).</param>
/// <param name="WorstRating">The scale's worst value (schema.org default 1).</param>
/// <param name="Organisation">The organisation that published the fact-check.</param>
public sealed record Review(
    ReviewStatus Status,
    string? Reviewer,
    string? Note,
    Location Location,
    string? Url = null,
    PartialDate? Published = null,
    string? Rating = null,
    decimal? RatingValue = null,
    decimal? BestRating = null,
    decimal? WorstRating = null,
    string? Organisation = null);
