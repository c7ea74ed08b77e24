using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Model;

/// <summary>A document claims appear in or rest on: an article, a transcript, a report...</summary>
/// <param name="TextPath">The stored body's path as written in the YAML (relative to that file).</param>
/// <param name="Text">The stored body, read at load time so quote checks need no I/O.</param>
public sealed record Source(
    string Id,
    SourceKind Kind,
    string? Title,
    string? Outlet,
    IReadOnlyList<string> Authors,
    string? Wire,
    string? Url,
    string? Language,
    PartialDate? Published,
    string? TextPath,
    string? Text,
    Reference? DerivedFrom,
    string? Note,
    Location Location);
