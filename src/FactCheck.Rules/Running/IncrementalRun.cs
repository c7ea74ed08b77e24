using FactCheck.Claims.Model;
using FactCheck.Engine;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>
/// Keeps the engine sessions of a run alive between runs on successive versions of the same claims
/// (<c>check --watch</c>): each <see cref="Run"/> projects the claims' facts, retracts from the sessions the facts
/// that are gone or changed, inserts the new ones and fires; truth maintenance withdraws the findings whose matches
/// no longer hold. The result is the one <see cref="RuleRunner.Run"/> gives on the same claims.
/// </summary>
/// <remarks>
/// The facts are projected again from the whole claim set every time: some span files (<c>same_as</c> groups,
/// source lineages, counts of copies), and projecting them all is what keeps those exact. Only the engine work is
/// incremental. A run that meets a rule error or a limit is left to <see cref="RuleRunner.Run"/>, on fresh sessions.
/// </remarks>
public sealed class IncrementalRun
{
    private readonly RulePack _pack;
    private readonly IReadOnlyCollection<string>? _only;
    private readonly IRuleEngine? _engine;
    private readonly int? _maxFirings;
    private readonly int? _maxPartialMatches;
    private Group[]? _groups;
    private Dictionary<IFact, List<IFact>> _inSessions = new(FactContent.Instance);

    public IncrementalRun(RulePack pack, IReadOnlyCollection<string>? onlyRules = null, IRuleEngine? engine = null, int? maxFirings = null, int? maxPartialMatches = null)
    {
        (_pack, _only, _engine, _maxFirings, _maxPartialMatches) = (pack, onlyRules, engine, maxFirings, maxPartialMatches);
    }

    /// <summary>Facts retracted and inserted by the last run (for progress and benchmarks).</summary>
    public (int Retracted, int Inserted) LastChange { get; private set; }

    public RunResult Run(ClaimSet claims)
    {
        using var timer = new Claims.Diagnostics.PhaseTimer();
        var facts = FactProjection.Project(claims);
        timer.Mark($"project {facts.Count} facts");
        try
        {
            if (_groups is null) Start(facts);
            else Change(facts);
            timer.Mark($"retract {LastChange.Retracted} and insert {LastChange.Inserted} facts");
            var groups = _groups!;
            var firings = new int[groups.Length];
            Parallel.For(0, groups.Length, i =>
            {
                using var budget = Expressions.Runtime.ExpressionRuntime.BudgetText();
                firings[i] = groups[i].Session.Fire();
            });
            timer.Mark("fire");
            if (groups.Any(g => g.Session.Errors.Count > 0)) return FullRun(claims);
            var all = RuleRunner.Deduplicate(groups.SelectMany(g => g.Session.Query<Finding>()));
            var (kept, suppressed) = RuleRunner.ApplySuppressions(all, claims, _pack, _only);
            kept = RuleRunner.MergeAppended(kept, all.Count - suppressed.Count);
            timer.Mark("collect, suppress and sort");
            return new RunResult(kept, suppressed, [], facts.Count, firings.Sum());
        }
        catch (Exception ex) when (ex is RuleLoopException or MatchLimitException or AggregateException { InnerException: RuleLoopException or MatchLimitException })
        {
            return FullRun(claims);
        }
    }

    /// <summary>The run as <see cref="RuleRunner.Run"/> does it (errors and limits reported as it reports them); the next run starts afresh.</summary>
    private RunResult FullRun(ClaimSet claims)
    {
        _groups = null;
        _inSessions = new Dictionary<IFact, List<IFact>>(FactContent.Instance);
        return RuleRunner.Run(_pack, claims, _only, _maxFirings, engine: _engine, maxPartialMatches: _maxPartialMatches);
    }

    private void Start(IReadOnlyList<IFact> facts)
    {
        // The same limits and the same split into sessions as RuleRunner.Run.
        var firings = _maxFirings ?? (int)Math.Min(int.MaxValue, Math.Max(RuleRunner.MinimumMaxFirings, (long)facts.Count * RuleRunner.MaxFiringsPerFact));
        var matches = _maxPartialMatches ?? (int)Math.Min(int.MaxValue, Math.Max(RuleRunner.MinimumMaxPartialMatches, (long)facts.Count * RuleRunner.MaxPartialMatchesPerFact));
        var rules = _only is null ? _pack.Definitions : _pack.Definitions.Where(d => _only.Contains(d.Name)).ToArray();
        var count = facts.Count >= RuleRunner.ParallelThreshold ? Environment.ProcessorCount : 1;
        var split = count > 1 && rules.Count > 1
            ? RulePartitioner.Partition(rules, _pack.WrittenTypes, facts.CountBy(f => f.GetType()).ToDictionary(), count)
            : [new RulePartitioner.RuleGroup(rules, RulePartitioner.Reads(rules))];
        _groups = split.Select(g =>
        {
            var only = split.Count == 1 ? _only : g.Rules.Select(r => r.Name).ToArray();
            var compiled = _pack.Compile(only, _engine);
            return new Group(g, () => compiled.CreateSession(new SessionOptions
            {
                ErrorPolicy = ErrorPolicy.Continue,
                RecordFirings = false,
                MaxFirings = firings,
                MaxPartialMatches = matches,
            }));
        }).ToArray();
        _inSessions = new Dictionary<IFact, List<IFact>>(facts.Count, FactContent.Instance);
        foreach (var fact in facts) Add(_inSessions, fact);
        Parallel.ForEach(_groups, g => g.Replace(facts));
        LastChange = (0, facts.Count);
    }

    private void Change(IReadOnlyList<IFact> facts)
    {
        // Each new fact equal to one in the sessions stands for it (the same object goes back in), the rest are new.
        var now = new List<IFact>(facts.Count);
        var kept = new Dictionary<IFact, List<IFact>>(facts.Count, FactContent.Instance);
        foreach (var fact in facts)
        {
            var same = _inSessions.TryGetValue(fact, out var equal) && equal.Count > 0 ? equal[^1] : fact;
            if (!ReferenceEquals(same, fact)) equal!.RemoveAt(equal.Count - 1);
            now.Add(same);
            Add(kept, same);
        }

        _inSessions = kept;
        var groups = _groups!;
        var changes = new (int Retracted, int Inserted)[groups.Length];
        Parallel.For(0, groups.Length, i => changes[i] = groups[i].Replace(now));
        LastChange = (changes.Sum(c => c.Retracted), changes.Sum(c => c.Inserted));
    }

    private static void Add(Dictionary<IFact, List<IFact>> facts, IFact fact)
    {
        if (facts.TryGetValue(fact, out var list)) list.Add(fact);
        else facts[fact] = [fact];
    }

    /// <summary>One session and the facts in it, in the order they went in.</summary>
    private sealed class Group(RulePartitioner.RuleGroup rules, Func<ISession> create)
    {
        private readonly Func<ISession> _create = create;
        private List<IFact> _order = [];

        public RulePartitioner.RuleGroup Rules { get; } = rules;

        public ISession Session { get; private set; } = create();

        /// <summary>
        /// Makes the session hold <paramref name="facts"/> (those its rules read) in that order. The order matters: the
        /// engine lists aggregates and breaks ties in insertion order, so a full run's findings come from facts in
        /// projection order. The facts up to the first difference stay; the rest come out and go back in order.
        /// </summary>
        public (int Retracted, int Inserted) Replace(IReadOnlyList<IFact> facts)
        {
            var wanted = new Dictionary<Type, bool>();
            var order = new List<IFact>(_order.Count);
            foreach (var fact in facts)
            {
                var type = fact.GetType();
                if (!wanted.TryGetValue(type, out var yes)) wanted[type] = yes = Rules.ReadsFactsOf(type);
                if (yes) order.Add(fact);
            }

            var same = 0;
            while (same < order.Count && same < _order.Count && ReferenceEquals(order[same], _order[same])) same++;
            if (same < _order.Count / 2)
            {
                // Most facts would come out and go back in: a new session, filled in one pass, is cheaper.
                Session = _create();
                _order = [];
                same = 0;
            }

            using var budget = Expressions.Runtime.ExpressionRuntime.BudgetText();
            for (var i = _order.Count - 1; i >= same; i--) Session.Retract(_order[i]);
            if (same < order.Count) Session.InsertAll(order.Skip(same));
            var change = (_order.Count - same, order.Count - same);
            _order = order;
            return change;
        }
    }

}
