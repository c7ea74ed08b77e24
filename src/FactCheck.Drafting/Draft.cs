namespace FactCheck.Drafting;

/// <summary>Everything drafted from one article: the source (when new), new claims, and new appearances of recorded claims.</summary>
/// <param name="NewSource">The source entry to record, or null when <see cref="DraftRequest.SourceId"/> is recorded already.</param>
public sealed record Draft(
    DraftRequest Request,
    DraftedSource? NewSource,
    IReadOnlyList<DraftedClaim> Claims,
    IReadOnlyList<MatchedAppearance> Matched,
    IReadOnlyList<string> Notes);
