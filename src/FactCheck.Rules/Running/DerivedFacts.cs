using System.Runtime.CompilerServices;
using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// Inserts a derived fact unless an equal one is already there: facts are records, so chaining through a
/// cycle of <c>implies</c> edges reaches a fixed point instead of looping. An equal fact derived earlier
/// counts only while it is still in the session: truth maintenance retracts a derived fact when the match
/// that derived it changes, and the match's next firing must derive it again.
/// </summary>
internal static class DerivedFacts
{
    // Per session, each derived value and the object inserted for it (records: equal values, one key).
    private static readonly ConditionalWeakTable<ISession, Dictionary<object, object>> Inserted = new();

    public static void InsertOnce(IActionContext context, object fact)
    {
        var session = context.Session;
        var inserted = Inserted.GetValue(session, _ => []);
        if (inserted.TryGetValue(fact, out var earlier) && session.Contains(earlier)) return;
        if (context.InsertLinked(fact)) inserted[fact] = fact;
    }
}
