using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>Turns complete matches into activations on the agenda.</summary>
internal sealed class TerminalNode(Session session, TerminalPlan plan) : BetaNode(session)
{
    public readonly TerminalPlan Plan = plan;

    /// <summary>The node's index in its session (<see cref="Session.TerminalOf"/>).</summary>
    public readonly int Id = plan.Id;

    public override Token CreateToken(BetaToken parent, object? value) => new Activation(parent, value, this);

    public override void LeftInsert(Token token)
    {
        if (token is not Activation a || a.TerminalId != Id)
        {
            var parent = (BetaToken)token;
            a = new Activation(parent, null, this) { Wrapper = true };
            parent.AddChild(a);
        }
        Activate(a);
    }

    /// <summary>Puts a match made for this terminal on the agenda.</summary>
    public void Activate(Activation a)
    {
        a.Activated = true;
        S.Agenda.Add(a, Plan.Rank);
        S.OnCreated(a);
    }

    public override void Forget(Entry entry) => throw new InvalidOperationException("a terminal keeps no entries");

    /// <summary>The activation's token was retracted: its match stopped holding.</summary>
    public void Retracted(Activation a)
    {
        if (a.InAgenda)
        {
            S.Agenda.Remove(a, Plan.Rank);
            S.OnDeleted(a);
        }
        S.ScheduleLinkedRetractions(a);
    }

    /// <summary>The values bound by the rule, in declaration order.</summary>
    public object?[] Values(Activation a)
    {
        var levels = Plan.Levels;
        var values = new object?[levels.Length];
        Token t = a.Wrapper ? a.Parent! : a;
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

    public object? Value(Activation a, int index)
    {
        Token t = a.Wrapper ? a.Parent! : a;
        for (var at = Plan.Depth; at > Plan.Levels[index]; at--) t = t.Parent!;
        return t.Value;
    }
}
