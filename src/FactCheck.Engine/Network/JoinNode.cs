using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>Binds a new fact to each token it joins with (hash index on the equality keys, then the residual test).</summary>
/// <remarks>
/// When a terminal follows, a match is only an agenda entry (its parent token and this node's right entry, see
/// <see cref="Agenda"/>) until it fires: no <see cref="Activation"/> listed under the token and the right entry, which
/// is a million-claim pairing rule's 5.6 million objects, most of its memory. A firing makes a short-lived activation
/// and links it in only when it links facts to it (truth maintenance); the entries count the matches made with them,
/// so that the agenda knows about how many went away with them. Once an <see cref="ISession.ActivationDeleted"/>
/// handler has been attached to the session, matches are activations as everywhere else, so that their retraction is
/// reported at once.
/// </remarks>
internal sealed class JoinNode : RightMemoryNode
{
    private readonly JoinPlan _plan;

    public JoinNode(Session session, JoinPlan plan) : base(session, plan.Spec)
    {
        _plan = plan;
    }

    /// <summary>The terminal right after this node, whose matches are agenda entries only.</summary>
    public TerminalNode? LightTerminal => _light;

    private TerminalNode? _light;
    private int _lightRank;

    public override void Link(BetaNode[] nodes)
    {
        Next = nodes[_plan.Next!.Id];
        _light = Next as TerminalNode;
        _lightRank = _light?.Plan.Rank ?? 0;
    }

    public override void LeftInsert(Token input)
    {
        EnsureBuilt();
        var token = (BetaToken)input;
        if (Memory.LeftSlot(token) is not { } slot) return;
        var le = new TokenEntry(this, token);
        token.AddEntry(le);
        slot.Add(le, right: false);
        for (var e = slot.RightHead; e is not null;)
        {
            // The entries of a key sit wherever they were allocated: ask for the next one while this one is joined.
            var next = e.Next;
            Prefetch.Object(next);
            var re = (RightEntry)e;
            if (J.Residual is null || S.Test(J, token, re.Fact)) Join(le, token, re);
            e = next;
        }
    }

    protected override void Index(FactHandle handle, bool record)
    {
        if (Memory.RightSlot(handle.Fact, record) is not { } slot) return;
        var re = new RightEntry(this, handle.Fact);
        handle.AddEntry(re);
        slot.Add(re, right: true);
        for (var e = slot.LeftHead; e is not null;)
        {
            var next = e.Next;
            Prefetch.Object(next);
            var le = (TokenEntry)e;
            var token = le.Token;
            if (J.Residual is null)
            {
                // A match for the terminal does not read the token (an agenda entry holds it), other ones do.
                if (_light is null) Prefetch.Object(token);
                Join(le, token, re);
            }
            else if (S.Test(J, token, handle.Fact))
            {
                Join(le, token, re);
            }
            e = next;
        }
    }

    private void Join(TokenEntry le, BetaToken token, RightEntry re)
    {
        if (_light is not { } terminal || !S.LightActivations)
        {
            Emit(token, re.Fact, re);
            return;
        }
        // A dead token (none is in this memory; Emit checks it for its children) would only make a dead entry.
        S.CountPartialMatch(this);
        le.Count++;
        re.Count++;
        S.Agenda.AddLight(token, re, _lightRank);
        S.OnCreated(token, re, terminal);
    }

    /// <summary>Makes the activation of an agenda entry of this node and lists it under its token and right entry.</summary>
    public Activation Materialize(BetaToken parent, RightEntry re)
    {
        var a = new Activation(parent, re.Fact, LightTerminal!) { Activated = true };
        Link(a, re);
        return a;
    }

    /// <summary>Lists a fired match's activation under its token and right entry (it links facts: truth maintenance).</summary>
    public static void Link(Activation a, RightEntry re)
    {
        a.Parent!.AddChild(a);
        re.AddChild(a);
    }

    /// <summary>Every (token, right entry) pair joined here now, for <see cref="Session.LiveMatches"/> (tests).</summary>
    public IEnumerable<(BetaToken Token, RightEntry Right)> Matches()
    {
        foreach (var slot in Memory.Slots())
        {
            for (var l = slot.LeftHead; l is not null; l = l.Next)
            {
                var token = ((TokenEntry)l).Token;
                for (var r = slot.RightHead; r is not null; r = r.Next)
                {
                    var re = (RightEntry)r;
                    bool pass;
                    try
                    {
                        pass = J.Residual is null || J.Residual(token, re.Fact);
                    }
                    catch (Exception)
                    {
                        // As when they were joined: a test that throws is false.
                        pass = false;
                    }
                    if (pass) yield return (token, re);
                }
            }
        }
    }

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        // The agenda entries made with it are dead now too (some may have fired already: an estimate).
        if (entry.Count > 0 && _light is not null) S.Agenda.LightDied(_lightRank, entry.Count);
        if (entry is RightEntry re)
        {
            Memory.Remove(re);
            var c = re.FirstChild;
            re.FirstChild = null;
            for (; c is not null; c = c.NextRight)
                if (!c.Dead) S.RetractToken(c);
        }
        else
        {
            Memory.Remove((KeyedEntry)entry);
        }
    }
}
