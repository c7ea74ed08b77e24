using System.Runtime.CompilerServices;
using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// What the rules' actions do differently in a session kept between saves (<c>check --watch</c>); sessions not
/// registered here (every full run) are untouched.
/// <list type="bullet">
/// <item>The order a collected list is read in. The engine lists an aggregate's facts in the order they went into the
/// session, which in a full run is the projection's order; a kept session takes out and puts in only the facts that
/// changed, so the lists its actions read are put back in the projection's order, and a finding's message is the one a
/// full run writes.</item>
/// <item>The findings flagged since the last look, so that a save need not search the whole session for the new ones.</item>
/// </list>
/// </summary>
internal static class KeptSessions
{
    private static readonly ConditionalWeakTable<ISession, State> States = new();

    public static void Register(ISession session, IComparer<object> order) => States.AddOrUpdate(session, new State(order));

    /// <summary>The findings flagged in <paramref name="session"/> since the last call (some may be gone again).</summary>
    public static List<Finding> TakeFlagged(ISession session)
    {
        var state = States.TryGetValue(session, out var s) ? s : throw new InvalidOperationException("the session is not kept");
        var flagged = state.Flagged;
        state.Flagged = [];
        return flagged;
    }

    /// <summary>Called by a flag action for the finding it inserted.</summary>
    public static void Flagged(ISession session, Finding finding)
    {
        if (States.TryGetValue(session, out var state)) state.Flagged.Add(finding);
    }

    /// <summary><paramref name="list"/> in the session's order (itself when it is in order already, or the session is not kept).</summary>
    public static IReadOnlyList<T>? Sorted<T>(IActionContext context, IReadOnlyList<T>? list)
        where T : class
    {
        if (list is null || list.Count < 2 || !States.TryGetValue(context.Session, out var state)) return list;
        var order = state.Order;
        for (var i = 1; i < list.Count; i++)
        {
            if (order.Compare(list[i - 1], list[i]) > 0)
            {
                var sorted = list.ToArray();
                // Stable: facts the order does not know keep their relative order, after the others.
                var index = new Dictionary<T, int>(sorted.Length, ReferenceEqualityComparer.Instance);
                for (var j = 0; j < sorted.Length; j++) index[sorted[j]] = j;
                Array.Sort(sorted, (a, b) =>
                {
                    var c = order.Compare(a, b);
                    return c != 0 ? c : index[a].CompareTo(index[b]);
                });
                return sorted;
            }
        }

        return list;
    }

    private sealed class State(IComparer<object> order)
    {
        public IComparer<object> Order { get; } = order;

        public List<Finding> Flagged { get; set; } = [];
    }
}
