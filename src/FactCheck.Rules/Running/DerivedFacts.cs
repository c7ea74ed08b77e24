using System.Runtime.CompilerServices;
using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// Inserts a derived fact unless an equal one is already there: facts are records, so chaining through a
/// cycle of <c>implies</c> edges reaches a fixed point instead of looping.
/// </summary>
internal static class DerivedFacts
{
    private static readonly ConditionalWeakTable<ISession, HashSet<object>> Inserted = new();

    public static void InsertOnce(IActionContext context, object fact)
    {
        var seen = Inserted.GetValue(context.Session, _ => []);
        if (seen.Add(fact)) context.InsertLinked(fact);
    }
}
