using FactCheck.Engine.NRules.Translation;
using NRules.Diagnostics;
using NRules.Extensibility;
using NRules.RuleModel;
using NRulesSessionCore = NRules.ISession;

namespace FactCheck.Engine.NRules.Runtime;

/// <summary>
/// An NRules session behind <see cref="ISession"/>. NRules propagates and keeps the matches; this adapter keeps what
/// the rule model promises beyond NRules: insertion order (<see cref="Facts"/>), the error records (LHS errors come
/// from NRules' error event, marked handled, so a throwing condition counts as false), the error policy, the loop
/// limit, the firing records, and the actions, run by the session's action interceptor with an
/// <see cref="IActionContext"/> of their own.
/// </summary>
internal sealed class NRulesSession : ISession, IActionInterceptor
{
    private const int RecentWindow = 64;

    private readonly NRulesRuleSet _set;
    private readonly SessionOptions _options;
    private readonly NRulesSessionCore _session;
    private readonly FactOrder _facts = new();
    private readonly HashSet<object> _linked = new(ReferenceEqualityComparer.Instance);
    private readonly List<RuleEvaluationError> _errors = [];
    private readonly List<RuleFiring> _firings = [];
    private readonly List<(int Kind, object Payload)> _events = [];
    private readonly Dictionary<IMatch, long> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly int[] _recent = new int[RecentWindow];
    private long _firingSeq;
    private long _activationSeq;
    private int _depth;
    private bool _firing;
    private bool _halted;
    private bool _raising;
    private NRulesActionContext? _current;

    public NRulesSession(NRulesRuleSet set, SessionOptions options)
    {
        if (options.MaxFirings < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxFirings must be at least 1");
        _set = set;
        _options = options;
        _session = set.Factory.CreateSession();
        _session.ActionInterceptor = this;
        var events = _session.Events;
        events.FactInsertedEvent += (_, e) => _facts.Add(e.Fact.Value!);
        // A linked fact updated by a re-firing is another object under the same NRules fact.
        events.FactUpdatedEvent += (_, e) => _facts.Add(e.Fact.Value!);
        events.FactRetractedEvent += (_, e) =>
        {
            _facts.Remove(e.Fact.Value!);
            _linked.Remove(e.Fact.Value!);
        };
        events.LhsExpressionFailedEvent += OnConditionFailed;
        events.ActivationCreatedEvent += (_, e) => OnActivation(e.Match, created: true);
        events.ActivationUpdatedEvent += (_, e) => OnActivation(e.Match, created: false);
        events.ActivationDeletedEvent += (_, e) => OnActivationDeleted(e.Match);
    }

    public event EventHandler<ActivationEventArgs>? ActivationCreated;

    public event EventHandler<ActivationEventArgs>? ActivationFired;

    public event EventHandler<ActivationEventArgs>? ActivationDeleted;

    public event EventHandler<RuleEvaluationError>? Error;

    public IReadOnlyList<object> Facts => _facts.OfType<object>();

    public IReadOnlyList<RuleMatch> Agenda =>
        _pending.OrderByDescending(p => p.Key.Rule.Priority).ThenBy(p => p.Value).Select(p => BuildMatch(p.Key)).ToList();

    public IReadOnlyList<RuleFiring> Firings => _firings;

    public IReadOnlyList<RuleEvaluationError> Errors => _errors;

    /// <summary>Facts a re-firing activation linked before: they go when the firing ends, unless it links them again.</summary>
    internal HashSet<object> Retiring { get; } = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<T> Query<T>() => _facts.OfType<T>();

    public bool Contains(object fact) => _facts.Contains(fact) && !Retiring.Contains(fact);

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryInsert(fact)) throw new InvalidOperationException($"the fact {fact} is already in the session (facts are identified by reference)");
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_facts.Contains(fact)) return false;
        Operate(() => _session.Insert(fact));
        return true;
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToList();
        var seen = new HashSet<object>(list.Count, ReferenceEqualityComparer.Instance);
        foreach (var fact in list)
        {
            ArgumentNullException.ThrowIfNull(fact, nameof(facts));
            if (_facts.Contains(fact) || !seen.Add(fact))
                throw new InvalidOperationException($"the fact {fact} is already in the session (facts are identified by reference)");
        }

        Operate(() => _session.InsertAll(list));
    }

    public void Update(object fact)
    {
        if (!TryUpdate(fact)) throw new InvalidOperationException($"the fact {fact} is not in the session");
    }

    public bool TryUpdate(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_facts.Contains(fact)) return false;
        RefuseLinked(fact, "update");
        Operate(() => _session.Update(fact));
        return true;
    }

    public void Retract(object fact)
    {
        if (!TryRetract(fact)) throw new InvalidOperationException($"the fact {fact} is not in the session");
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_facts.Contains(fact)) return false;
        RefuseLinked(fact, "retract");
        Operate(() => _session.Retract(fact));
        return true;
    }

    public int Fire(int maxFirings = int.MaxValue)
    {
        if (_firing) throw new InvalidOperationException("Fire is not re-entrant: an action cannot call Fire");
        _firing = true;
        _halted = false;
        var errorStart = _errors.Count;
        var fired = 0;
        try
        {
            while (fired < maxFirings && !_session.Agenda.IsEmpty)
            {
                if (fired >= _options.MaxFirings) throw new RuleLoopException(_options.MaxFirings, RecentRules());
                // One at a time: the loop limit, the error policy and Halt act between two firings, as in the built-in engine.
                _session.Fire(1);
                fired++;
                RaiseEvents();
                if (_options.ErrorPolicy == ErrorPolicy.Stop && _errors.Count > errorStart)
                    throw new RuleEvaluationException(_errors.GetRange(errorStart, _errors.Count - errorStart));
                if (_halted) break;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    /// <summary>Runs the actions of the firing NRules chose (NRules calls this in place of the rule's empty action).</summary>
    public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
    {
        var binding = _set.Bindings[context.Rule.Name];
        _pending.Remove(context.Match);
        _firingSeq++;
        _recent[(int)(_firingSeq % RecentWindow)] = binding.Index;
        var match = BuildMatch(binding, context.Match);
        var action = new NRulesActionContext(this, context, binding.Rule, match);
        var previous = _current;
        _current = action;
        try
        {
            var list = binding.Rule.Actions;
            for (var i = 0; i < list.Count; i++)
            {
                try
                {
                    list[i].Execute(action);
                }
                catch (Exception ex)
                {
                    var what = list[i].Description is { } d ? $"action #{i + 1} ({d})" : $"action #{i + 1}";
                    Record(new RuleEvaluationError(binding.Rule, null, what, match.Facts, ex));
                    break;
                }
            }

            action.End();
        }
        finally
        {
            _current = previous;
        }

        if (_options.RecordFirings) _firings.Add(new RuleFiring(_firingSeq, match));
        if (ActivationFired is not null) _events.Add((1, match));
    }

    internal void Halt() => _halted = true;

    internal void Forget(object fact)
    {
        _facts.Remove(fact);
        _linked.Remove(fact);
    }

    internal void Linked(object fact) => _linked.Add(fact);

    /// <summary>NRules lets only the activation that linked a fact change it (the built-in engine lets anyone).</summary>
    private void RefuseLinked(object fact, string what)
    {
        if (_linked.Contains(fact))
            throw new NotSupportedException($"cannot {what} {fact}: it was inserted linked to a match, and NRules lets only that match's firing change it");
    }

    /// <summary>Runs an operation; the outermost one raises the events and applies the error policy after it completed.</summary>
    private void Operate(Action operation)
    {
        var outermost = _depth == 0 && !_firing;
        var errorStart = _errors.Count;
        _depth++;
        try
        {
            operation();
        }
        finally
        {
            _depth--;
        }

        if (!outermost) return;
        RaiseEvents();
        if (_options.ErrorPolicy == ErrorPolicy.Stop && _errors.Count > errorStart)
            throw new RuleEvaluationException(_errors.GetRange(errorStart, _errors.Count - errorStart));
    }

    private void OnConditionFailed(object? sender, LhsExpressionErrorEventArgs e)
    {
        e.IsHandled = true;
        var facts = new List<object?>();
        foreach (var fact in e.Facts)
        {
            // The hidden collection under a count/sum/min/max is NRules' own; the built-in engine has no such fact.
            if (fact.Source?.SourceType != FactSourceType.Aggregate) facts.Add(fact.Value);
        }

        _set.Sites.TryGetValue(e.Expression, out var site);
        var rules = e.Rules.Select(r => _set.Bindings[r.Name].Rule).Distinct().ToList();
        if (site is not null && !rules.Contains(site.Rule)) rules.Insert(0, site.Rule);
        var exception = e.Exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e.Exception!;
        foreach (var rule in rules)
        {
            var mine = site is not null && site.Rule == rule;
            Record(new RuleEvaluationError(rule, mine ? site!.Element : null, mine ? site!.What : $"condition {e.Expression}", facts, exception));
        }
    }

    private void OnActivation(IMatch match, bool created)
    {
        if (!_pending.ContainsKey(match)) _pending[match] = ++_activationSeq;
        if (_current is { } current && ReferenceEquals(current.NRulesMatch, match)) current.Invalidated = true;
        if (ActivationCreated is not null) _events.Add((0, BuildMatch(match)));
    }

    private void OnActivationDeleted(IMatch match)
    {
        var wasPending = _pending.Remove(match);
        if (_current is { } current && ReferenceEquals(current.NRulesMatch, match)) current.Invalidated = true;
        if (wasPending && ActivationDeleted is not null) _events.Add((2, BuildMatch(match)));
    }

    private void Record(RuleEvaluationError error)
    {
        _errors.Add(error);
        if (Error is not null) _events.Add((3, error));
    }

    private void RaiseEvents()
    {
        if (_raising || _events.Count == 0) return;
        _raising = true;
        try
        {
            for (var i = 0; i < _events.Count; i++)
            {
                var (kind, payload) = _events[i];
                switch (kind)
                {
                    case 0: ActivationCreated?.Invoke(this, new ActivationEventArgs((RuleMatch)payload)); break;
                    case 1: ActivationFired?.Invoke(this, new ActivationEventArgs((RuleMatch)payload)); break;
                    case 2: ActivationDeleted?.Invoke(this, new ActivationEventArgs((RuleMatch)payload)); break;
                    default: Error?.Invoke(this, (RuleEvaluationError)payload); break;
                }
            }
        }
        finally
        {
            _events.Clear();
            _raising = false;
        }
    }

    private RuleMatch BuildMatch(IMatch match) => BuildMatch(_set.Bindings[match.Rule.Name], match);

    private static RuleMatch BuildMatch(RuleBinding binding, IMatch match)
    {
        var exposed = binding.Exposed;
        var names = new string[exposed.Count];
        var values = new object?[exposed.Count];
        foreach (var fact in match.Facts)
        {
            for (var i = 0; i < exposed.Count; i++)
            {
                if (string.Equals(exposed[i].Declaration, fact.Declaration.Name, StringComparison.Ordinal))
                {
                    values[i] = fact.Value;
                    break;
                }
            }
        }

        for (var i = 0; i < names.Length; i++) names[i] = exposed[i].Name;
        return new RuleMatch(binding.Rule, names, values);
    }

    private List<string> RecentRules()
    {
        var n = (int)Math.Min(_firingSeq, RecentWindow);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < n; i++) counts[_recent[i]] = counts.GetValueOrDefault(_recent[i]) + 1;
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => _set.Rules[kv.Key].Name).ToList();
    }
}
