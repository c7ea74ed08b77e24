using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>Turns complete matches into activations on the agenda.</summary>
internal sealed class TerminalNode(Session session, TerminalPlan plan) : BetaNode(session)
{
    public readonly TerminalPlan Plan = plan;

    public override void LeftInsert(Token token)
    {
        var a = new Activation(this, token) { Seq = S.NextActivationSeq() };
        token.AddEntry(a);
        S.Agenda.Add(a);
        S.OnCreated(a);
    }

    public override void Forget(Entry entry)
    {
        var a = (Activation)entry;
        a.Dead = true;
        if (a.InAgenda)
        {
            S.Agenda.Remove(a);
            S.OnDeleted(a);
        }
        if (a.Linked is not null) S.ScheduleLinkedRetractions(a);
    }

    /// <summary>The values bound by the rule, in declaration order.</summary>
    public object?[] Values(Token token)
    {
        var levels = Plan.Levels;
        var values = new object?[levels.Length];
        var t = token;
        var at = Plan.Depth;
        for (var i = levels.Length - 1; i >= 0; i--)
        {
            while (at > levels[i])
            {
                t = t.Parent!;
                at--;
            }
            values[i] = t.Value;
        }
        return values;
    }

    public object? Value(Token token, int index)
    {
        var t = token;
        for (var at = Plan.Depth; at > Plan.Levels[index]; at--) t = t.Parent!;
        return t.Value;
    }
}
