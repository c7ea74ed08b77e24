using FactCheck.Engine.Compilation;
using FactCheck.Engine.Network;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// Working memory, network memories and agenda of one session. Single-threaded and not re-entrant: events are raised
/// after the operation that caused them, outside propagation; actions act through <see cref="ActionContext"/>.
/// </summary>
internal sealed class Session : ISession
{
    private const int RecentWindow = 64;
    private const int PrefetchDistance = 8;

    private readonly CompiledRuleSet _ruleSet;
    private readonly SessionOptions _options;
    private readonly BetaNode[] _nodes;
    private readonly BetaNode[][] _memorySuccessors;
    // Each alpha memory's paths from a type node (one in practice): what a lazy right memory replays (see Replay).
    private readonly List<(Type Type, Func<object, bool>[] Tests)>?[] _memoryPaths;
    // The handle being propagated (AlphaInsert) or forgotten (ForgetFact), and a number that changes with each.
    private FactHandle? _inFlight;
    private long _walk;
    private readonly BetaToken _root = new(null, null);
    // Truth maintenance: each owner's linked facts, as the one handle most owners have or a list of several (a list
    // per owner was 88 bytes more for each of the 276,000 findings a 100,000-claim check inserts linked).
    private readonly Dictionary<Activation, object> _linked = [];
    // ...and the activation each linked fact belongs to, while the link holds.
    private readonly Dictionary<FactHandle, Activation> _linkOwners = [];
    private readonly HandleTable _handles = new();
    private readonly Dictionary<Type, FactType> _types = [];
    private readonly List<FactType> _typesById = [];
    // The type of the fact TypeOf was last asked for: facts come in runs of one type often enough to skip the lookup.
    private FactType? _lastType;
    private readonly Queue<(AggregateNode Node, AggregateEntry Entry)> _dirty = new();
    private readonly Queue<(FactHandle Handle, Activation Owner)> _linkedRetractions = new();
    private readonly List<RuleEvaluationError> _errors = [];
    private readonly List<RuleFiring> _firings = [];
    private readonly List<(int Kind, object Payload)> _events = [];
    private readonly int[] _recent = new int[RecentWindow];
    private readonly ActionContext _context;
    // Insertion order: an array with holes (compacted when half empty) rather than a list linking every handle, which
    // would be one chain as long as the session for the garbage collector to mark.
    private readonly PagedArray<FactHandle> _order = new(16);
    // Each handle's fact type, at the same index, as its id + 1 (0 where _order is null): what Replay and Query read (see
    // FactType); two bytes a fact rather than a reference's eight.
    private readonly PagedArray<ushort> _orderTypes = new(16);
    private int _orderCount;
    private int _orderHoles;
    private readonly List<LeftEntry> _deferredSwitches = [];
    private bool _updating;
    private long _firingSeq;
    private int _partialMatches;
    private int _opErrorStart;
    private bool _busy;
    private bool _firing;
    private bool _raising;
    private bool _halted;

    public Session(CompiledRuleSet ruleSet, SessionOptions options)
    {
        _ruleSet = ruleSet;
        _options = options;
        if (options.MaxFirings < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxFirings must be at least 1");
        if (options.MaxPartialMatches < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxPartialMatches must be at least 1");
        Agenda = new Agenda(ruleSet.Ranks);
        _context = new ActionContext(this);
        _nodes = new BetaNode[ruleSet.Plans.Length];
        for (var i = 0; i < _nodes.Length; i++) _nodes[i] = ruleSet.Plans[i].Create(this);
        foreach (var n in _nodes) n.Link(_nodes);
        foreach (var n in _nodes) n.Linked();
        _memorySuccessors = new BetaNode[ruleSet.Memories][];
        _memoryPaths = new List<(Type, Func<object, bool>[])>?[ruleSet.Memories];
        foreach (var root in ruleSet.TypeNodes)
        {
            if (root.Memory is not null) RegisterMemory(root.Memory, root.Type, []);
            foreach (var child in root.Children) RegisterAlpha(child, root.Type, []);
        }
        Enter();
        try
        {
            foreach (var head in ruleSet.Heads) _nodes[head.Id].LeftInsert(_root);
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
    }

    private void RegisterAlpha(AlphaNodePlan node, Type type, Func<object, bool>[] tests)
    {
        tests = [.. tests, node.Test];
        if (node.Memory is not null) RegisterMemory(node.Memory, type, tests);
        foreach (var child in node.Children) RegisterAlpha(child, type, tests);
    }

    private void RegisterMemory(AlphaMemoryPlan memory, Type type, Func<object, bool>[] tests)
    {
        (_memoryPaths[memory.Id] ??= []).Add((type, tests));
        var successors = new BetaNode[memory.Successors.Count];
        for (var i = 0; i < successors.Length; i++) successors[i] = _nodes[memory.Successors[i].Id];
        _memorySuccessors[memory.Id] = successors;
    }

    public Agenda Agenda { get; }

    /// <summary>The terminal node that made <paramref name="a"/>.</summary>
    public TerminalNode TerminalOf(Activation a) => (TerminalNode)_nodes[a.TerminalId];

    public event EventHandler<ActivationEventArgs>? ActivationCreated;
    public event EventHandler<ActivationEventArgs>? ActivationFired;
    public event EventHandler<ActivationEventArgs>? ActivationDeleted
    {
        add
        {
            _activationDeleted += value;
            if (value is null || _lightOff) return;
            // A deletion is reported when it happens: from now on (for the session's life, even if the handler is removed)
            // every match is an activation, those waiting too.
            _lightOff = true;
            Agenda.Materialize(p => ((JoinNode)p.Right!.Node).Materialize((BetaToken)p.Item, p.Right));
        }
        remove => _activationDeleted -= value;
    }

    private EventHandler<ActivationEventArgs>? _activationDeleted;

    /// <summary>Whether a join's matches for the terminal after it are agenda entries only (see <see cref="JoinNode"/>).</summary>
    public bool LightActivations => !_lightOff;

    private bool _lightOff;
    public event EventHandler<RuleEvaluationError>? Error;

    // ---------------------------------------------------------------- operations

    public void Insert(object fact)
    {
        if (!TryInsert(fact))
            throw new InvalidOperationException($"the fact {Describe(fact)} is already in the session (facts are identified by reference)");
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Enter();
        try
        {
            // One probe of the fact table: adding is the duplicate check.
            if (!TryInsertCore(fact, null)) return false;
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
        return true;
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts as IReadOnlyList<object> ?? facts.ToList();
        if (_busy) throw new InvalidOperationException("the session is not re-entrant: event handlers must not change it during an operation");
        // The handles table doubles as the duplicate check (one hash per fact, no second set); on a duplicate the
        // handles added so far are taken out again, so nothing is inserted. The new handles are staged in the
        // insertion-order array's free tail, where AddHandle puts them (nothing retracts facts before Drain).
        _order.EnsureLength(_orderCount + list.Count);
        _orderTypes.EnsureLength(_orderCount + list.Count);
        _handles.EnsureCapacity(_handles.Count + list.Count);
        var start = _orderCount;
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            // The table is far bigger than the caches: ask for the bucket 16 facts ahead and its chain 8 ahead.
            if (i + 16 < list.Count && list[i + 16] is { } f16) _handles.PrefetchBucket(f16);
            if (i + 8 < list.Count && list[i + 8] is { } f8) _handles.PrefetchChain(f8);
            string? problem = null;
            if (f is null) problem = "InsertAll: a fact is null";
            else if (!_handles.TryAdd(_order[start + i] = new FactHandle(f)))
                problem = $"InsertAll: the fact {Describe(f)} is already in the session or listed twice; nothing was inserted";
            // The fact's type while its header is in the cache (the hash just read it): the loop below reads it here.
            if (problem is null)
            {
                _orderTypes[start + i] = Code(TypeOf(f!.GetType()));
                continue;
            }
            for (var j = 0; j < i; j++) _handles.Remove(_order[start + j]!);
            _order.Clear(start, i + 1);
            _orderTypes.Clear(start, i + 1);
            if (f is null) throw new ArgumentException(problem, nameof(facts));
            throw new InvalidOperationException(problem);
        }
        Enter();
        try
        {
            // Right inputs first (if asked): every fact of the batch goes into the memories it feeds from the right, then
            // the facts' tokens start down the rule chains (see RootsAfter). The matches are the same, made once each.
            // A list per batch, dropped after it: kept in the session, its pages (16 bytes a fact) would live as long.
            var deferred = _deferRoots = _options.RightInputsFirst ? new DeferredRoots() : null;
            try
            {
                for (var i = 0; i < list.Count; i++)
                {
                    // The join memories' tables are far bigger than the caches too: ask for the buckets of the keys of the
                    // fact 16 ahead and for their first slots 8 ahead (type-level memories only: no alpha test runs twice).
                    if (i + 16 < list.Count) PrefetchKeys(list[i + 16], TypeAt(start + i + 16)!, 0);
                    if (i + 8 < list.Count) PrefetchKeys(list[i + 8], TypeAt(start + i + 8)!, 1);
                    AddHandle(_order[start + i]!, null, TypeAt(start + i));
                }
            }
            finally
            {
                _deferRoots = null;
            }
            if (deferred is not null) RootsAfter(deferred);
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
    }

    // InsertAll's batch: while set, a fact reaching a root join is listed here instead of going down the chains.
    private DeferredRoots? _deferRoots;

    /// <summary>
    /// The second half of a batch with <see cref="SessionOptions.RightInputsFirst"/>: the facts' tokens, in insertion
    /// order, go down the rule chains from the root joins the facts reached. Every fact of the batch is by then in the memories of the nodes it feeds from the right, so
    /// a token meets at once all the facts it will join or count: none is emitted through a `not` only to be retracted
    /// when the fact that blocks it comes a moment later (a claim inserted before its appearances was one such token,
    /// and their cascade, per claim), and an aggregate's or a not/exists's right memory is not built for a token that
    /// does not last (see <see cref="AggregateNode"/>). Each (token, fact) pair is still met once, by the second of
    /// its two activations; what changes is only the order in which a batch's matches reach the agenda.
    /// No handle is in flight: a lazy memory built now replays every live fact that passed its alpha path, the batch's
    /// included (they all have passed it by now).
    /// </summary>
    private static void RootsAfter(DeferredRoots deferred)
    {
        var count = deferred.Count;
        for (var i = 0; i < count; i++)
        {
            // The batch's first facts left the caches long ago: ask for the handle, then its fact, then the keys' buckets.
            if (i + 48 < count) Prefetch.Object(deferred.Handle(i + 48));
            if (i + 32 < count) Prefetch.Object(deferred.Handle(i + 32).Fact);
            if (i + 16 < count) deferred.Root(i + 16).PrefetchRight(deferred.Handle(i + 16).Fact, 0);
            if (i + 8 < count) deferred.Root(i + 8).PrefetchRight(deferred.Handle(i + 8).Fact, 1);
            deferred.Root(i).RightInsert(deferred.Handle(i));
        }
    }

    public void Update(object fact)
    {
        if (!TryUpdate(fact)) throw new InvalidOperationException($"cannot update {Describe(fact)}: it is not in the session");
    }

    public bool TryUpdate(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_handles.Find(fact) is not { } h) return false;
        Enter();
        try
        {
            _updating = true;
            try
            {
                ForgetFact(h);
            }
            finally
            {
                _updating = false;
            }

            AlphaInsert(h, TypeAt(h.Index)!);
            SwitchDeferred();
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
        return true;
    }

    public void Retract(object fact)
    {
        if (!TryRetract(fact)) throw new InvalidOperationException($"cannot retract {Describe(fact)}: it is not in the session");
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_handles.Find(fact) is not { } h) return false;
        Enter();
        try
        {
            RetractCore(h);
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
        return true;
    }

    public bool Contains(object fact) => fact is not null && _handles.Find(fact) is not null;

    /// <summary>The fact's handle, for tests.</summary>
    internal FactHandle? HandleOf(object fact) => _handles.Find(fact);

    internal bool InsertLinked(object fact, Activation owner)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (owner.Dead) return false;
        Enter();
        try
        {
            if (!TryInsertCore(fact, owner))
                throw new InvalidOperationException($"the fact {Describe(fact)} is already in the session (facts are identified by reference)");
            Drain();
        }
        finally
        {
            _busy = false;
        }
        Exit();
        return true;
    }

    public int Fire(int maxFirings = int.MaxValue)
    {
        if (_firing) throw new InvalidOperationException("Fire is not re-entrant: an action cannot call Fire");
        if (_busy) throw new InvalidOperationException("the session is busy: an event handler cannot call Fire during an operation");
        _firing = true;
        _halted = false;
        var errorStart = _errors.Count;
        var fired = 0;
        try
        {
            while (fired < maxFirings)
            {
                if (!Agenda.TryPeek(out var next)) break;
                // Two stages: the parent (and right entry) of the match 2d ahead, then the values of the one d ahead
                // (whose parent was asked for d firings ago).
                var far = Agenda.Ahead(2 * PrefetchDistance);
                if (far.Right is { } farRight)
                {
                    Prefetch.Object(far.Item);
                    Prefetch.Object(farRight);
                }
                else
                {
                    Prefetch.Object(far.Item?.Parent);
                }
                var near = Agenda.Ahead(PrefetchDistance);
                if (near.Right is { } nearRight)
                {
                    Prefetch.Object(near.Item.Value);
                    Prefetch.Object(nearRight.Fact);
                }
                else
                {
                    Prefetch.Object(near.Item?.Parent?.Value);
                }
                if (fired >= _options.MaxFirings) throw new RuleLoopException(_options.MaxFirings, RecentRules());
                Agenda.Pop();
                var a = ActivationToFire(next, out var terminal);
                fired++;
                FireOne(a, terminal, next.Right);
                if (a == _scratch)
                {
                    a.Parent = null;
                    a.Value = null;
                }
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

    internal void Halt() => _halted = true;

    /// <summary>Counts a token <paramref name="node"/> is about to build; past the limit, stops the operation.</summary>
    public void CountPartialMatch(BetaNode node)
    {
        if (++_partialMatches <= _options.MaxPartialMatches) return;
        _partialMatches--;
        throw new MatchLimitException(_options.MaxPartialMatches, RuleBelow(node));
    }

    /// <summary>Partial matches built so far (for tests and benchmarks).</summary>
    internal int PartialMatches => _partialMatches;

    /// <summary>The rule a node's tokens lead to (a chain ends in one terminal); null for a node shared by several.</summary>
    private static string? RuleBelow(BetaNode node)
    {
        for (BetaNode? n = node; n is not null;)
        {
            switch (n)
            {
                case TerminalNode t:
                    return t.Plan.Rule.Name;
                case CollectorNode c:
                    n = c.Owner;
                    break;
                case RootJoinNode:
                    return null;
                default:
                    n = n.Next;
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// The activation a join's match fires as (see <see cref="JoinNode"/>): re-aimed at each such firing, so firing
    /// allocates nothing (5.6 million activations made and dropped were a quarter of a million-claim run's bytes, and
    /// garbage collections with the whole network live). Nothing keeps it past its firing: the action context lets it
    /// go, a match and an error copy its values, and a firing that links a fact makes an activation of its own.
    /// </summary>
    private readonly Activation _scratch = new(null, null, 0);

    private Activation ActivationToFire(Pending p, out TerminalNode terminal)
    {
        if (p.Right is not { } right) return ActivationOf(p, out terminal);
        terminal = ((JoinNode)right.Node).LightTerminal!;
        var a = _scratch;
        a.Parent = (BetaToken)p.Item;
        a.Value = right.Fact;
        a.TerminalId = terminal.Id;
        a.Activated = true;
        return a;
    }

    /// <summary>An agenda entry's activation: itself, or for a join's match a new one (listed nowhere, see <see cref="JoinNode"/>).</summary>
    private Activation ActivationOf(Pending p, out TerminalNode terminal)
    {
        if (p.Right is { } right)
        {
            terminal = ((JoinNode)right.Node).LightTerminal!;
            return new Activation((BetaToken)p.Item, right.Fact, terminal) { Activated = true };
        }
        var a = (Activation)p.Item;
        terminal = TerminalOf(a);
        return a;
    }

    private void FireOne(Activation a, TerminalNode terminal, RightEntry? light)
    {
        var plan = terminal.Plan;
        _firingSeq++;
        _recent[(int)(_firingSeq % RecentWindow)] = plan.RuleIndex;
        RuleMatch? match = null;
        if (_options.RecordFirings || ActivationFired is not null) match = BuildMatch(a);
        _context.Begin(a, terminal, match, light);
        var actions = plan.Actions;
        for (var i = 0; i < actions.Length; i++)
        {
            try
            {
                actions[i].Execute(_context);
            }
            catch (Exception ex)
            {
                var what = actions[i].Description is { } d ? $"action #{i + 1} ({d})" : $"action #{i + 1}";
                Record(new RuleEvaluationError(plan.Rule, null, what, terminal.Values(a), ex));
                break;
            }
        }
        _context.End();
        if (_options.RecordFirings) _firings.Add(new RuleFiring(_firingSeq, match!));
        if (ActivationFired is not null) _events.Add((1, match!));
    }

    private List<string> RecentRules()
    {
        var n = (int)Math.Min(_firingSeq, RecentWindow);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < n; i++) counts[_recent[i]] = counts.GetValueOrDefault(_recent[i]) + 1;
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => _ruleSet.Rules[kv.Key].Name).ToList();
    }

    // ---------------------------------------------------------------- queries

    public IReadOnlyList<T> Query<T>()
    {
        var list = new List<T>();
        // Only the facts of the types that are Ts are read (see FactType): a query for findings skips the claims' facts.
        var wanted = new sbyte[_typesById.Count];
        for (var i = 0; i < _orderCount; i++)
        {
            var id = _orderTypes[i];
            if (id == 0) continue;
            ref var verdict = ref wanted[id - 1];
            if (verdict == 0) verdict = typeof(T).IsAssignableFrom(_typesById[id - 1].Type) ? (sbyte)1 : (sbyte)-1;
            if (verdict > 0) list.Add((T)_order[i]!.Fact);
        }
        return list;
    }

    public IReadOnlyList<object> Facts
    {
        get
        {
            var list = new List<object>(_handles.Count);
            for (var i = 0; i < _orderCount; i++)
                if (_order[i] is { } h) list.Add(h.Fact);
            return list;
        }
    }

    IReadOnlyList<RuleMatch> ISession.Agenda => Agenda.InOrder().Select(p => BuildMatch(ActivationOf(p, out _))).ToList();

    public IReadOnlyList<RuleFiring> Firings => _firings.AsReadOnly();

    public IReadOnlyList<RuleEvaluationError> Errors => _errors.AsReadOnly();

    /// <summary>Every match currently holding (fired or not), for tests: rule and bound values.</summary>
    internal List<RuleMatch> LiveMatches()
    {
        var list = new List<RuleMatch>();
        // A join's matches for the terminal after it are not all activations (see JoinNode): they are the pairs its
        // memory joins now, whether they fired or not.
        var fromJoins = new HashSet<int>();
        foreach (var n in _nodes)
        {
            if (n is not JoinNode { LightTerminal: { } terminal } join) continue;
            fromJoins.Add(terminal.Id);
            foreach (var (token, right) in join.Matches())
                list.Add(BuildMatch(new Activation(token, right.Fact, terminal) { Activated = true }));
        }
        var stack = new Stack<Token>();
        stack.Push(_root);
        for (var i = 0; i < _orderCount; i++)
        {
            if (_order[i] is not { } h) continue;
            if (h.Root is { Dead: false } r) stack.Push(r);
        }
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (t is Activation { Activated: true, Dead: false } a && !fromJoins.Contains(a.TerminalId)) list.Add(BuildMatch(a));
            if (t is BetaToken b)
                for (var c = b.FirstChild; c is not null; c = c.NextSibling)
                    if (!c.Dead) stack.Push(c);
        }
        return list;
    }

    internal RuleMatch BuildMatch(Activation a)
    {
        var terminal = TerminalOf(a);
        return new RuleMatch(terminal.Plan.Rule, terminal.Plan.Names, terminal.Values(a));
    }

    // ---------------------------------------------------------------- propagation

    private void Enter()
    {
        if (_busy) throw new InvalidOperationException("the session is not re-entrant: event handlers must not change it during an operation");
        _busy = true;
        if (!_firing) _opErrorStart = _errors.Count;
    }

    private void Exit()
    {
        if (_firing) return;
        RaiseEvents();
        if (_options.ErrorPolicy == ErrorPolicy.Stop && _errors.Count > _opErrorStart)
            throw new RuleEvaluationException(_errors.GetRange(_opErrorStart, _errors.Count - _opErrorStart));
    }

    /// <summary>Adds and propagates the fact unless it is already in the session.</summary>
    private bool TryInsertCore(object fact, Activation? owner)
    {
        var h = new FactHandle(fact);
        if (!_handles.TryAdd(h)) return false;
        AddHandle(h, owner);
        return true;
    }

    /// <summary>Links a handle already in the handles table into insertion order and propagates it.</summary>
    /// <param name="type">The fact's type when InsertAll has looked it up already.</param>
    private void AddHandle(FactHandle h, Activation? owner, FactType? type = null)
    {
        // One more page at a time (a single page doubles): doubling a big session's arrays allocated pages for as many
        // facts again as it held, when the facts rules derive after a batch are far fewer.
        if (_orderCount == _order.Length) _order.EnsureLength(_orderCount + 1);
        if (_orderCount == _orderTypes.Length) _orderTypes.EnsureLength(_orderCount + 1);
        type ??= TypeOf(h.Fact.GetType());
        h.Index = _orderCount;
        _orderTypes[_orderCount] = Code(type);
        _order[_orderCount++] = h;
        if (owner is not null)
        {
            h.Linked = true;
            _linkOwners.Add(h, owner);
            if (!_linked.TryGetValue(owner, out var linked)) _linked.Add(owner, h);
            else if (linked is List<FactHandle> several) several.Add(h);
            else _linked[owner] = new List<FactHandle> { (FactHandle)linked, h };
        }
        AlphaInsert(h, type);
    }

    private void RetractCore(FactHandle h)
    {
        ForgetFact(h);
        h.Dead = true;
        _handles.Remove(h);
        _order[h.Index] = null;
        _orderTypes[h.Index] = 0;
        if (++_orderHoles > 64 && _orderHoles * 2 > _orderCount) CompactOrder();
        if (h.Linked && _linkOwners.Remove(h, out var owner))
        {
            if (_linked.TryGetValue(owner, out var linked))
            {
                if (linked == h) _linked.Remove(owner);
                else if (linked is List<FactHandle> several) several.Remove(h);
            }
            h.Linked = false;
        }
    }

    private void CompactOrder()
    {
        var w = 0;
        for (var i = 0; i < _orderCount; i++)
        {
            if (_order[i] is not { } h) continue;
            h.Index = w;
            _orderTypes[w] = _orderTypes[i];
            _order[w++] = h;
        }
        _order.Clear(w, _orderCount - w);
        _orderTypes.Clear(w, _orderCount - w);
        _orderCount = w;
        _orderHoles = 0;
    }

    private void ForgetFact(FactHandle h)
    {
        var previous = _inFlight;
        _inFlight = h;
        _walk++;
        try
        {
            ForgetEntries(h);
        }
        finally
        {
            _inFlight = previous;
        }
    }

    private void ForgetEntries(FactHandle h)
    {
        var e = h.Entries;
        var root = h.Root;
        h.Entries = null;
        h.Root = null;
        for (; e is not null; e = e.NextInOwner) e.Node.Forget(e);
        if (root is not null) RetractToken(root);
    }

    private FactType TypeOf(Type type)
    {
        if (_lastType is { } last && last.Type == type) return last;
        if (!_types.TryGetValue(type, out var known))
        {
            var list = new List<TypeNodePlan>();
            foreach (var t in _ruleSet.TypeNodes)
                if (t.Type.IsAssignableFrom(type)) list.Add(t);
            // What a batch prefetches for a fact of the type: the right inputs its type-level memories feed (a batch
            // with right inputs first defers root joins, whose tokens it makes later).
            var prefetched = new List<BetaNode>();
            foreach (var root in list)
                if (root.Memory is not null)
                    foreach (var n in _memorySuccessors[root.Memory.Id])
                        if (!_options.RightInputsFirst || n is not RootJoinNode) prefetched.Add(n);
            if (_typesById.Count == ushort.MaxValue - 1)
                throw new InvalidOperationException($"a session holds facts of at most {ushort.MaxValue - 1:N0} types; {type} would be one more");
            known = new FactType(type, [.. list], [.. prefetched], _typesById.Count);
            _types.Add(type, known);
            _typesById.Add(known);
        }
        return _lastType = known;
    }

    /// <summary>The fact type noted at <paramref name="index"/> of the insertion order (null where there is no fact).</summary>
    private FactType? TypeAt(int index) => _orderTypes[index] is var code and > 0 ? _typesById[code - 1] : null;

    private static ushort Code(FactType type) => (ushort)(type.Id + 1);

    private static void PrefetchKeys(object fact, FactType type, int stage)
    {
        foreach (var n in type.Prefetched) n.PrefetchRight(fact, stage);
    }

    private void AlphaInsert(FactHandle h, FactType type)
    {
        var previous = _inFlight;
        _inFlight = h;
        _walk++;
        try
        {
            foreach (var root in type.Roots)
            {
                if (root.Memory is not null) Feed(root.Memory, h);
                foreach (var child in root.Children) Walk(child, h);
            }
        }
        finally
        {
            _inFlight = previous;
        }
    }

    /// <summary>Identifies the current propagation: a lazy node keeps it when it passes over the handle in flight.</summary>
    public long Propagation => _walk;

    /// <summary>
    /// Builds a lazy right memory (see <see cref="AggregateNode"/>): feeds the node, in insertion
    /// order, the live facts that passed <paramref name="memory"/>'s alpha path, found again by re-running the path's
    /// tests (the facts are the same objects, unchanged unless updated, which re-propagates them). The handle in flight
    /// is fed only if the node already passed over it in this propagation (<paramref name="passedAt"/>); a handle being
    /// forgotten is not. A test or key that throws was recorded when the fact came; it is skipped silently here.
    /// </summary>
    public void Replay(AlphaMemoryPlan memory, long passedAt, Action<FactHandle> feed)
    {
        var paths = _memoryPaths[memory.Id];
        if (paths is null) return;
        // Per fact type, the tests of the paths its facts can take (none: the type is not the memory's); the types come
        // from the array beside the insertion order, so the facts of other types are not read at all (see FactType).
        var byType = new Func<object, bool>[][]?[_typesById.Count];
        for (var i = 0; i < _orderCount; i++)
        {
            var id = _orderTypes[i];
            if (id == 0) continue;
            var h = _order[i]!;
            if (h == _inFlight)
            {
                if (passedAt == _walk) feed(h);
                continue;
            }
            var tests = byType[id - 1] ??= PathsOf(paths, _typesById[id - 1].Type);
            if (tests.Length > 0 && !h.Dead && Passes(tests, h.Fact)) feed(h);
        }
    }

    /// <summary>The tests of the paths a fact of <paramref name="type"/> can take to a memory.</summary>
    private static Func<object, bool>[][] PathsOf(List<(Type Type, Func<object, bool>[] Tests)> paths, Type type)
    {
        var list = new List<Func<object, bool>[]>();
        foreach (var (root, tests) in paths)
            if (root.IsAssignableFrom(type)) list.Add(tests);
        return [.. list];
    }

    /// <summary>Whether the fact passes all the tests of one of the paths (a path without tests passes).</summary>
    private static bool Passes(Func<object, bool>[][] paths, object fact)
    {
        foreach (var tests in paths)
        {
            var pass = true;
            foreach (var test in tests)
            {
                try
                {
                    pass = test(fact);
                }
                catch (Exception)
                {
                    // Recorded when the fact was inserted: the fact did not pass then and does not now.
                    pass = false;
                }
                if (!pass) break;
            }
            if (pass) return true;
        }
        return false;
    }

    private void Walk(AlphaNodePlan node, FactHandle h)
    {
        bool pass;
        try
        {
            pass = node.Test(h.Fact);
        }
        catch (Exception ex)
        {
            for (var i = 0; i < node.Sites.Count; i++)
            {
                var site = node.Sites[i];
                Record(new RuleEvaluationError(site.Rule, site.Element, site.What, [h.Fact], SiteError(node.SiteTests[i], h.Fact) ?? ex));
            }
            return;
        }
        if (!pass) return;
        if (node.Memory is not null) Feed(node.Memory, h);
        foreach (var child in node.Children) Walk(child, h);
    }

    /// <summary>What a rule's own alpha test throws on the fact (null if it does not: the shared test's error stands).</summary>
    private static Exception? SiteError(Func<object, bool> test, object fact)
    {
        try
        {
            test(fact);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private void Feed(AlphaMemoryPlan memory, FactHandle h)
    {
        if (_deferRoots is { } deferred)
        {
            foreach (var n in _memorySuccessors[memory.Id])
            {
                if (n is RootJoinNode) deferred.Add(h, n);
                else n.RightInsert(h);
            }
            return;
        }
        foreach (var n in _memorySuccessors[memory.Id]) n.RightInsert(h);
    }

    public void RetractToken(Token t)
    {
        if (t.Dead) return;
        t.Dead = true;
        if (t.Parent is { } parent) parent.DeadChildren++;
        if (t is Activation a)
        {
            TerminalOf(a).Retracted(a);
        }
        else
        {
            var b = (BetaToken)t;
            var e = b.Entries;
            b.Entries = null;
            for (; e is not null; e = e.NextInOwner) e.Node.Forget(e);
            // Newest child first, as the list runs; children retracted meanwhile (cascades) are flagged and skipped.
            var c = b.FirstChild;
            b.FirstChild = null;
            for (; c is not null; c = c.NextSibling)
                if (!c.Dead) RetractToken(c);
        }
    }

    public void EnqueueDirty(AggregateNode node, AggregateEntry entry) => _dirty.Enqueue((node, entry));

    /// <summary>
    /// While an update forgets its fact, a not/exists whose count falls to zero waits for the fact's re-insertion
    /// (an update is a retraction then an insertion): a fact that still supports an exists must not make it go and
    /// come back, which would re-create the match and fire it again. Returns whether the switch was deferred.
    /// </summary>
    public bool DeferSwitch(LeftEntry entry)
    {
        if (!_updating) return false;
        _deferredSwitches.Add(entry);
        return true;
    }

    private void SwitchDeferred()
    {
        for (var i = 0; i < _deferredSwitches.Count; i++)
        {
            var entry = _deferredSwitches[i];
            switch (entry.Node)
            {
                case NegationNode negation: negation.Switch(entry); break;
                case SubnetNode subnet: subnet.Changed(entry); break;
            }
        }

        _deferredSwitches.Clear();
    }

    public void ScheduleLinkedRetractions(Activation a)
    {
        if (_linked.Count == 0 || !_linked.Remove(a, out var linked)) return;
        if (linked is FactHandle one)
        {
            _linkedRetractions.Enqueue((one, a));
            return;
        }
        foreach (var h in (List<FactHandle>)linked) _linkedRetractions.Enqueue((h, a));
    }

    /// <summary>Recomputes dirty aggregates and retracts facts whose supporting activation went away, until quiet.</summary>
    private void Drain()
    {
        while (true)
        {
            if (_dirty.Count > 0)
            {
                var (node, entry) = _dirty.Dequeue();
                node.Flush(entry);
                continue;
            }
            if (_linkedRetractions.Count > 0)
            {
                var (h, owner) = _linkedRetractions.Dequeue();
                if (!h.Dead && h.Linked && _linkOwners.TryGetValue(h, out var linkedTo) && linkedTo == owner) RetractCore(h);
                continue;
            }
            break;
        }
    }

    // ---------------------------------------------------------------- guarded evaluation

    /// <summary>Records a join key that threw: with the token's facts (left side) or the fact (right side).</summary>
    public void RecordKeyError(JoinSpec j, Token? token, object? fact, Exception ex) =>
        Record(new RuleEvaluationError(j.KeySite.Rule, j.KeySite.Element, j.KeySite.What, token is null ? [fact] : TokenFacts(token, null), ex));

    /// <summary>The order collect and group-by results list their facts in (null: insertion order).</summary>
    public IComparer<object>? AggregateOrder => _options.AggregateOrder;

    /// <summary>Records a <see cref="SessionOptions.AggregateOrder"/> comparer that threw, with the token's facts.</summary>
    public void RecordOrderError(AggregatePlan a, Token token, Exception ex) =>
        Record(new RuleEvaluationError(a.SelectorSite.Rule, a.SelectorSite.Element, $"order of the facts of aggregate '{((AggregateElement)a.SelectorSite.Element!).Name}' (SessionOptions.AggregateOrder)", TokenFacts(token, null), ex));

    public bool Test(JoinSpec j, Token token, object fact)
    {
        try
        {
            return j.Residual!(token, fact);
        }
        catch (Exception ex)
        {
            Record(new RuleEvaluationError(j.ResidualSite.Rule, j.ResidualSite.Element, j.ResidualSite.What, TokenFacts(token, fact), ex));
            return false;
        }
    }

    public bool Test(FilterPlan f, Token token)
    {
        try
        {
            return f.Test(token);
        }
        catch (Exception ex)
        {
            Record(new RuleEvaluationError(f.Site.Rule, f.Site.Element, f.Site.What, TokenFacts(token, null), ex));
            return false;
        }
    }

    public bool TrySelect(AggregatePlan a, object fact, out object? value, bool record = true)
    {
        try
        {
            value = a.Selector!(fact);
            return true;
        }
        catch (Exception ex)
        {
            if (record) Record(new RuleEvaluationError(a.SelectorSite.Rule, a.SelectorSite.Element, a.SelectorSite.What, [fact], ex));
            value = null;
            return false;
        }
    }

    private static List<object?> TokenFacts(Token token, object? fact)
    {
        var list = new List<object?>();
        for (Token t = token; t.Parent is not null; t = t.Parent)
            if (t.Value is not null) list.Add(t.Value);
        list.Reverse();
        if (fact is not null) list.Add(fact);
        return list;
    }

    private void Record(RuleEvaluationError error)
    {
        _errors.Add(error);
        if (Error is not null) _events.Add((3, error));
    }

    // ---------------------------------------------------------------- events

    public void OnCreated(Activation a)
    {
        if (ActivationCreated is not null) _events.Add((0, BuildMatch(a)));
    }

    /// <summary>A join's match went to the agenda (see <see cref="JoinNode"/>).</summary>
    public void OnCreated(BetaToken parent, RightEntry right, TerminalNode terminal)
    {
        if (ActivationCreated is not null) _events.Add((0, BuildMatch(new Activation(parent, right.Fact, terminal) { Activated = true })));
    }

    public void OnDeleted(Activation a)
    {
        if (_activationDeleted is not null) _events.Add((2, BuildMatch(a)));
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
                    case 2: _activationDeleted?.Invoke(this, new ActivationEventArgs((RuleMatch)payload)); break;
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

    private static string Describe(object fact)
    {
        string text;
        try
        {
            text = fact.ToString() ?? fact.GetType().Name;
        }
        catch (Exception)
        {
            text = fact.GetType().Name;
        }
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
