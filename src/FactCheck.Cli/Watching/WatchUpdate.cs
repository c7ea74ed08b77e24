using FactCheck.Claims.Diagnostics;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Watching;

/// <summary>What one save changed.</summary>
/// <param name="FilesRead">Display paths of the claims files read again, added or deleted (all of them on a rules change).</param>
/// <param name="New">Findings that were not there after the last save that could be checked, by fingerprint.</param>
/// <param name="Fixed">Findings that were there and are gone.</param>
/// <param name="LoadErrors">The input errors in the files read again (all input errors on a rules change).</param>
/// <param name="Checked">Whether the rules ran: not while any input has errors (as <c>check</c>, which reports no findings then).</param>
internal sealed record WatchUpdate(
    IReadOnlyList<string> FilesRead,
    IReadOnlyList<CheckedFinding> New,
    IReadOnlyList<CheckedFinding> Fixed,
    IReadOnlyList<Diagnostic> LoadErrors,
    bool Checked,
    bool RulesReloaded,
    TimeSpan Elapsed,
    int FactsRetracted,
    int FactsInserted);
