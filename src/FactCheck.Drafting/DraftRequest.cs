using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting;

/// <summary>
/// What to draft from: the source id the appearances will name and, when that source is not recorded yet, the
/// source fields to record with it. A recorded source's own fields win over these.
/// </summary>
public sealed record DraftRequest(string SourceId)
{
    public PartialDate? Published { get; init; }

    public string? Outlet { get; init; }

    public string? Title { get; init; }

    public string? Wire { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.Article;

    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>The text file's path as the new source's <c>text:</c> should give it (relative to the claims file).</summary>
    public string? TextPath { get; init; }
}
