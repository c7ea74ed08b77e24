using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>A work the claim appeared in, as the ClaimReview describes it.</summary>
/// <param name="First">It is the <c>firstAppearance</c>.</param>
internal sealed record ImportedWork(string Url, SourceKind Kind, string? Headline, string? Publisher, IReadOnlyList<string>? Authors, PartialDate? Published, bool First);
