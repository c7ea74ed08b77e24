using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// A node with a right input kept in a hash-joined memory (<see cref="JoinNode"/>, <see cref="NegationNode"/>,
/// <see cref="AggregateNode"/>), built only when a first token reaches its left side: before, a fact is only checked as
/// the built memory would check it (a key that throws is recorded then); the first token replays the live facts of the
/// node's alpha memory in insertion order (<see cref="Session.Replay"/>), which fills the memory exactly as if it had
/// been kept all along. Nodes whose chain never brings a token keep nothing for their facts.
/// </summary>
internal abstract class RightMemoryNode : BetaNode
{
    protected readonly JoinSpec J;
    protected readonly JoinMemory Memory;
    private bool _built;
    // The propagation in which a fact last passed through unindexed (see Session.Replay).
    private long _passedAt = -1;

    protected RightMemoryNode(Session session, JoinSpec spec) : base(session)
    {
        J = spec;
        Memory = JoinMemory.Create(session, spec);
    }

    public sealed override void PrefetchLeft(Token token, int stage) => Memory.PrefetchLeft(token, stage);

    public sealed override void PrefetchRight(object fact, int stage)
    {
        if (_built) Memory.PrefetchRight(fact, stage);
    }

    public sealed override void RightInsert(FactHandle handle)
    {
        if (_built)
        {
            Index(handle, record: true);
            return;
        }
        if (PassesUnindexed(handle.Fact)) _passedAt = S.Propagation;
    }

    /// <summary>Called first by every left insertion: with the first token, the memory is filled (no token yet, so the replayed facts join nothing: they are only indexed).</summary>
    protected void EnsureBuilt()
    {
        if (_built) return;
        _built = true;
        S.Replay(J.Memory, _passedAt, h => Index(h, record: false));
    }

    /// <summary>Whether a fact arriving before the memory is built would be indexed; errors are recorded as indexing would record them.</summary>
    protected virtual bool PassesUnindexed(object fact) => Memory.RightKeyValid(fact);

    /// <summary>Puts the fact in the memory and joins it with the tokens of its key; <paramref name="record"/>: errors are recorded (not when replayed).</summary>
    protected abstract void Index(FactHandle handle, bool record);
}
