using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>A test over bound names; stateless, so a passing token goes on unchanged (no new level).</summary>
internal sealed class FilterNode(Session session, FilterPlan plan) : BetaNode(session)
{
    public override void Link(BetaNode[] nodes) => Next = nodes[plan.Next!.Id];

    public override Token CreateToken(BetaToken parent, object? value) => Next!.CreateToken(parent, value);

    public override void LeftInsert(Token token)
    {
        if (S.Test(plan, token)) Next!.LeftInsert(token);
    }

    public override void Forget(Entry entry) => throw new InvalidOperationException("a filter keeps no memory");
}
