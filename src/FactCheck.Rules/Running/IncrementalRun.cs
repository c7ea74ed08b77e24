using FactCheck.Claims.Model;
using FactCheck.Engine;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>
/// Keeps the engine sessions of a run alive between runs on successive versions of the same claims
/// (<c>check --watch</c>): each <see cref="Run"/> projects again only the claims whose facts can have changed
/// (<see cref="IncrementalProjection"/>), retracts from the sessions the facts that are gone or changed, inserts the new
/// ones and fires; truth maintenance withdraws the findings whose matches no longer hold. The result is the one
/// <see cref="RuleRunner.Run"/> gives on the same claims.
/// </summary>
/// <remarks>
/// The facts that stay keep their place in the sessions and the changed ones go in last, so the lists the engine
/// collects are not in the projection's order: <see cref="KeptSessions"/> puts them back in it for the rules' actions.
/// A run that meets a rule error or a limit is left to <see cref="RuleRunner.Run"/>, on fresh sessions.
/// </remarks>
public sealed class IncrementalRun
{
    private readonly RulePack _pack;
    private readonly IReadOnlyCollection<string>? _only;
    private readonly IRuleEngine? _engine;
    private readonly int? _maxFirings;
    private readonly int? _maxPartialMatches;
    private IncrementalProjection _projection = new();
    private IncrementalFindings _findings = new();
    private Group[]? _groups;

    public IncrementalRun(RulePack pack, IReadOnlyCollection<string>? onlyRules = null, IRuleEngine? engine = null, int? maxFirings = null, int? maxPartialMatches = null)
    {
        (_pack, _only, _engine, _maxFirings, _maxPartialMatches) = (pack, onlyRules, engine, maxFirings, maxPartialMatches);
    }

    /// <summary>Facts retracted and inserted by the last run (for progress and benchmarks).</summary>
    public (int Retracted, int Inserted) LastChange { get; private set; }

    /// <summary>Claims projected again by the last run.</summary>
    public int LastReprojected => _projection.Reprojected;

    /// <param name="claims">A valid set (no input errors): what the rules run on.</param>
    public RunResult Run(ClaimSet claims)
    {
        using var timer = new Claims.Diagnostics.PhaseTimer();
        List<IFact> retracted, inserted;
        try
        {
            (retracted, inserted) = _projection.Update(claims);
        }
        catch
        {
            // A projection left half-updated is not trusted again: the next run starts afresh.
            Reset();
            throw;
        }

        timer.Mark($"project {_projection.Reprojected} claims again");
        try
        {
            if (_groups is null) Start(retracted.Count == 0 && inserted.Count == _projection.Count ? inserted : _projection.All());
            else Change(retracted, inserted);
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
            var all = _findings.Update([.. groups.Select(g => g.Session)]);
            timer.Mark("place findings");
            var ignoring = _projection.Ignoring();
            // Without ignore: entries there is nothing to suppress and nothing to say about them.
            var (kept, suppressed) = ignoring.Claims.Count == 0 ? (all, []) : RuleRunner.ApplySuppressions(all, ignoring, _pack, _only);
            kept = RuleRunner.MergeAppended(kept, all.Count - suppressed.Count);
            timer.Mark("suppress");
            return new RunResult(kept, suppressed, [], _projection.Count, firings.Sum());
        }
        catch (Exception ex) when (ex is RuleLoopException or MatchLimitException or AggregateException { InnerException: RuleLoopException or MatchLimitException })
        {
            return FullRun(claims);
        }
    }

    /// <summary>The run as <see cref="RuleRunner.Run"/> does it (errors and limits reported as it reports them); the next run starts afresh.</summary>
    private RunResult FullRun(ClaimSet claims)
    {
        Reset();
        return RuleRunner.Run(_pack, claims, _only, _maxFirings, engine: _engine, maxPartialMatches: _maxPartialMatches);
    }

    private void Reset()
    {
        _groups = null;
        _projection = new IncrementalProjection();
        _findings = new IncrementalFindings();
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
        var order = _projection;
        _groups = split.Select(g =>
        {
            var only = split.Count == 1 ? _only : g.Rules.Select(r => r.Name).ToArray();
            var session = _pack.Compile(only, _engine).CreateSession(new SessionOptions
            {
                ErrorPolicy = ErrorPolicy.Continue,
                RecordFirings = false,
                MaxFirings = firings,
                MaxPartialMatches = matches,
            });
            KeptSessions.Register(session, order);
            return new Group(g, session);
        }).ToArray();
        _findings = new IncrementalFindings();
        Parallel.ForEach(_groups, g => g.Apply([], facts));
        LastChange = (0, facts.Count);
    }

    private void Change(List<IFact> retracted, List<IFact> inserted)
    {
        var groups = _groups!;
        var changes = new (int Retracted, int Inserted)[groups.Length];
        Parallel.For(0, groups.Length, i => changes[i] = groups[i].Apply(retracted, inserted));
        LastChange = (changes.Sum(c => c.Retracted), changes.Sum(c => c.Inserted));
    }

    /// <summary>One session and the rules it runs.</summary>
    private sealed class Group(RulePartitioner.RuleGroup rules, ISession session)
    {
        private readonly Dictionary<Type, bool> _reads = [];

        public ISession Session { get; } = session;

        /// <summary>Takes out and puts in the facts of the types the group's rules read.</summary>
        public (int Retracted, int Inserted) Apply(IReadOnlyList<IFact> retracted, IReadOnlyList<IFact> inserted)
        {
            using var budget = Expressions.Runtime.ExpressionRuntime.BudgetText();
            var (outCount, inCount) = (0, 0);
            foreach (var fact in retracted)
            {
                if (!Reads(fact)) continue;
                Session.Retract(fact);
                outCount++;
            }

            var input = new List<object>(inserted.Count);
            foreach (var fact in inserted)
            {
                if (Reads(fact)) input.Add(fact);
            }

            if (input.Count > 0) Session.InsertAll(input);
            inCount = input.Count;
            return (outCount, inCount);
        }

        private bool Reads(IFact fact)
        {
            var type = fact.GetType();
            if (!_reads.TryGetValue(type, out var yes)) _reads[type] = yes = rules.ReadsFactsOf(type);
            return yes;
        }
    }
}
