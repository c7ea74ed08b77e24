using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Caching;

/// <summary>
/// What binding one claims file produced, as the cache keeps it: the model, the file's own problems (before the
/// checks across files), whether binding stopped at the error limit, and the state of every source text the binding
/// looked at, since the model holds those texts and the problems depend on them.
/// </summary>
internal sealed record CachedFile(
    IReadOnlyList<SourceTextState> Dependencies,
    bool Stopped,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Proposition> Propositions,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Diagnostic> Diagnostics);
