using FactCheck.Engine.Network;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// InsertAll's facts that reached a root join while the batch went into the right memories, in order, with the root
/// join each reached (see <see cref="Session"/>'s RootsAfter). Paged, as the session's tables are: a list of pairs for
/// a million facts was a 16 MB large-object array, whose allocation brought on a full collection.
/// </summary>
internal sealed class DeferredRoots
{
    private readonly PagedArray<FactHandle> _handles = new(16);
    private readonly PagedArray<BetaNode> _roots = new(16);

    public int Count { get; private set; }

    public void Add(FactHandle handle, BetaNode root)
    {
        if (Count == _handles.Length)
        {
            _handles.EnsureLength(Count * 2);
            _roots.EnsureLength(Count * 2);
        }
        _handles[Count] = handle;
        _roots[Count++] = root;
    }

    public FactHandle Handle(int i) => _handles[i]!;

    public BetaNode Root(int i) => _roots[i]!;
}
