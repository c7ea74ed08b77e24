using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting;

/// <summary>The source entry a draft proposes, with a note on each field that was inferred rather than given.</summary>
public sealed record DraftedSource(
    string Id,
    SourceKind Kind,
    string? Title,
    string? Outlet,
    IReadOnlyList<string>? Authors,
    string? Wire,
    string? Url,
    string? Language,
    PartialDate? Published,
    string? TextPath,
    IReadOnlyList<string> Notes);
