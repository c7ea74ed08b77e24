using System.Runtime.CompilerServices;
using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// The order a rule's actions see a collected list in. The engine lists an aggregate's facts in the order they went into
/// the session, which in a full run is the projection's order; a session kept between saves (<c>check --watch</c>) takes
/// out and puts in only the facts that changed, so the lists its actions read are put back in the projection's order
/// here, and a finding's message is the one a full run writes. Sessions without an order (every full run) are untouched.
/// </summary>
internal static class SessionOrder
{
    private static readonly ConditionalWeakTable<ISession, IComparer<object>> Orders = new();

    public static void Set(ISession session, IComparer<object> order) => Orders.AddOrUpdate(session, order);

    /// <summary><paramref name="list"/> in the session's order (itself when it is in order already, or the session has none).</summary>
    public static IReadOnlyList<T>? Sorted<T>(IActionContext context, IReadOnlyList<T>? list)
        where T : class
    {
        if (list is null || list.Count < 2 || !Orders.TryGetValue(context.Session, out var order)) return list;
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
}
