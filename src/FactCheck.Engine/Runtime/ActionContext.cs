using FactCheck.Engine.Network;

namespace FactCheck.Engine.Runtime;

/// <summary>The one action context of a session, re-aimed at each firing (no allocation per firing).</summary>
internal sealed class ActionContext(Session session) : IActionContext
{
    private Activation? _activation;
    private TerminalNode? _terminal;
    private RuleMatch? _match;

    /// <summary>The join's right entry of a match that was an agenda entry only, until the firing links a fact to it.</summary>
    private RightEntry? _light;

    public void Begin(Activation a, TerminalNode terminal, RuleMatch? match, RightEntry? light)
    {
        _activation = a;
        _terminal = terminal;
        _match = match;
        _light = light;
    }

    public void End()
    {
        _activation = null;
        _terminal = null;
        _match = null;
        _light = null;
    }


    private Activation Current =>
        _activation ?? throw new InvalidOperationException("the action context is used outside its firing");

    public RuleDefinition Rule => session.TerminalOf(Current).Plan.Rule;

    public RuleMatch Match => _match ??= session.BuildMatch(Current);

    public ISession Session => session;

    public IReadOnlyList<object?> Facts => Match.Facts;

    public object? Get(string name)
    {
        var a = Current;
        var terminal = _terminal!;
        var names = terminal.Plan.Names;
        for (var i = 0; i < names.Length; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return terminal.Value(a, i);
        throw new KeyNotFoundException($"rule '{terminal.Plan.Rule.Name}' binds no name '{name}' (bound: {string.Join(", ", names)})");
    }

    public void Insert(object fact)
    {
        _ = Current;
        session.Insert(fact);
    }

    public bool InsertLinked(object fact)
    {
        var a = Current;
        ArgumentNullException.ThrowIfNull(fact);
        if (_light is { } re)
        {
            // The activation now owns facts: it must be retracted with its match, so it goes under its token and
            // right entry; unless the match already went away during this firing.
            if (a.Parent!.Dead || re.Dead) return false;
            // The match fired as the session's scratch activation: it gets one of its own.
            a = new Activation(a.Parent, a.Value, a.TerminalId) { Activated = true };
            JoinNode.Link(a, re);
            _activation = a;
            _light = null;
        }
        return session.InsertLinked(fact, a);
    }

    public void Update(object fact)
    {
        _ = Current;
        session.Update(fact);
    }

    public void Retract(object fact)
    {
        _ = Current;
        session.Retract(fact);
    }

    public void Halt()
    {
        _ = Current;
        session.Halt();
    }
}
