using NRules.RuleModel;

namespace FactCheck.Engine.NRules.Runtime;

/// <summary>
/// What a rule's actions see while NRules fires it. Linked facts are keyed by their order in the firing (0, 1, ...),
/// so a re-firing (NRules re-fires an activation whose facts were updated, keeping its linked facts) updates the fact
/// under the same key; the facts the previous firing linked and this one does not are retracted when it ends. Until
/// then they do not count as present (<see cref="ISession.Contains"/>), as in the built-in engine, which retracts them
/// when the match changes. NRules applies linked facts after the action.
/// </summary>
internal sealed class NRulesActionContext : IActionContext
{
    private readonly NRulesSession _session;
    private readonly IContext _context;
    private readonly Dictionary<int, object>? _previous;
    private int _nextKey;
    private bool _ended;

    public NRulesActionContext(NRulesSession session, IContext context, RuleDefinition rule, RuleMatch match)
    {
        _session = session;
        _context = context;
        Rule = rule;
        Match = match;
        NRulesMatch = context.Match;
        var keys = context.GetLinkedKeys();
        if (keys.Count > 0)
        {
            _previous = [];
            foreach (var key in keys)
            {
                if (key is int k && context.GetLinked(key) is { } fact)
                {
                    _previous[k] = fact;
                    session.Retiring.Add(fact);
                }
            }
        }
    }

    public RuleDefinition Rule { get; }

    public RuleMatch Match { get; }

    public IMatch NRulesMatch { get; }

    /// <summary>The match changed or went away during the firing: linking to it inserts nothing.</summary>
    public bool Invalidated { get; set; }

    public IReadOnlyList<object?> Facts => Match.Facts;

    public ISession Session => _session;

    public object? Get(string name) => Match.Get(name);

    public void Insert(object fact)
    {
        Check();
        _session.Insert(fact);
    }

    public bool InsertLinked(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Check();
        if (Invalidated) return false;
        var key = _nextKey++;
        if (_previous is not null && _previous.Remove(key, out var old))
        {
            _session.Retiring.Remove(old);
            if (ReferenceEquals(old, fact)) return true;
            if (_session.Contains(fact)) throw new InvalidOperationException($"the fact {fact} is already in the session (facts are identified by reference)");
            // The same NRules fact now holds the new object: the old one leaves the session's order here, the new one
            // enters it when NRules propagates the update, after the action.
            _context.UpdateLinked(key, fact);
            _session.Forget(old);
            _session.Linked(fact);
            return true;
        }

        if (_session.Contains(fact)) throw new InvalidOperationException($"the fact {fact} is already in the session (facts are identified by reference)");
        _context.InsertLinked(key, fact);
        _session.Linked(fact);
        return true;
    }

    public void Update(object fact)
    {
        Check();
        _session.Update(fact);
    }

    public void Retract(object fact)
    {
        Check();
        _session.Retract(fact);
    }

    public void Halt()
    {
        Check();
        _context.Halt();
        _session.Halt();
    }

    /// <summary>Retracts what the previous firing linked and this one did not link again.</summary>
    public void End()
    {
        _ended = true;
        if (_previous is null) return;
        foreach (var (key, fact) in _previous)
        {
            _session.Retiring.Remove(fact);
            // NRules retracted them itself if the activation went away during the firing.
            if (ReferenceEquals(_context.GetLinked(key), fact)) _context.RetractLinked(key, fact);
        }
    }

    private void Check()
    {
        if (_ended) throw new InvalidOperationException("the action context is used outside its firing");
    }
}
