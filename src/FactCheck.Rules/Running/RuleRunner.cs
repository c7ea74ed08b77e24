using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactCheck.Claims.Model;
using FactCheck.Claims.Diagnostics;
using FactCheck.Engine;
using FactCheck.Rules.Expressions;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>Runs a rule pack on claims: project facts, insert, fire, collect findings, apply suppressions.</summary>
public static class RuleRunner
{
    /// <summary>Rule ids of the findings FactCheck raises itself about <c>ignore:</c> entries.</summary>
    public const string UnknownSuppressionRule = "suppression.unknown-rule";

    public const string UnusedSuppressionRule = "suppression.unused";

    /// <summary>
    /// A run that fires more than this many times per fact (and at least <see cref="MinimumMaxFirings"/>)
    /// is taken to loop; the error names the rules that were firing. Real packs fire a few times per fact.
    /// </summary>
    public const int MaxFiringsPerFact = 50;

    public const int MinimumMaxFirings = 100_000;

    /// <summary>
    /// Partial matches (engine tokens) allowed per fact, and at least <see cref="MinimumMaxPartialMatches"/>, in each
    /// session. The bundled pack builds fewer than one per fact (measured on 100,000 generated claims: 0.23 and 0.39
    /// million in its two sessions); a pairwise rule over 5,000 + 5,000 facts would build 25 million, some 5 GB, and
    /// stops here instead, early, naming the rule.
    /// </summary>
    public const int MaxPartialMatchesPerFact = 10;

    public const int MinimumMaxPartialMatches = 2_000_000;

    /// <summary>Rule errors kept per rule; the rest are counted in one more error ("and N more").</summary>
    public const int MaxErrorsPerRule = 20;

    /// <summary>Below this many facts one session runs all rules: splitting costs more than it saves.</summary>
    public const int ParallelThreshold = 20_000;

    /// <param name="parallelism">
    /// How many sessions may run side by side (rules that cannot affect each other are split among them);
    /// by default one per core for large runs, one below <see cref="ParallelThreshold"/> facts. The findings
    /// do not depend on it.
    /// </param>
    /// <param name="engine">The engine the rules run on (the built-in one by default); the findings do not depend on it.</param>
    /// <param name="maxPartialMatches">Partial matches allowed per session; by default <see cref="MaxPartialMatchesPerFact"/> per fact.</param>
    public static RunResult Run(
        RulePack pack, ClaimSet claims, IReadOnlyCollection<string>? onlyRules = null, int? maxFirings = null, int? parallelism = null, IRuleEngine? engine = null, int? maxPartialMatches = null) =>
        Run(pack, Project(claims), onlyRules, maxFirings, parallelism, engine, maxPartialMatches);

    /// <summary>Projects the claims to facts, for <see cref="Run(RulePack, ProjectedClaims, IReadOnlyCollection{string}?, int?, int?, IRuleEngine?, int?)"/>.</summary>
    public static ProjectedClaims Project(ClaimSet claims)
    {
        using var timer = new PhaseTimer();
        var facts = FactProjection.Project(claims);
        var ignoring = new List<Claim>();
        foreach (var claim in claims.Claims)
        {
            if (claim.Ignore.Count > 0) ignoring.Add(claim);
        }

        timer.Mark($"project {facts.Count} facts");
        return new ProjectedClaims(facts, new ClaimSet([], [], ignoring, []));
    }

    /// <summary>
    /// <see cref="Run(RulePack, ClaimSet, IReadOnlyCollection{string}?, int?, int?, IRuleEngine?, int?)"/> on claims projected
    /// before, which the caller need not keep while the rules fire.
    /// </summary>
    public static RunResult Run(
        RulePack pack, ProjectedClaims claims, IReadOnlyCollection<string>? onlyRules = null, int? maxFirings = null, int? parallelism = null, IRuleEngine? engine = null, int? maxPartialMatches = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        using var timer = new PhaseTimer();
        var facts = claims.Facts;
        var limit = maxFirings ?? (int)Math.Min(int.MaxValue, Math.Max(MinimumMaxFirings, (long)facts.Count * MaxFiringsPerFact));
        var matchLimit = maxPartialMatches ?? (int)Math.Min(int.MaxValue, Math.Max(MinimumMaxPartialMatches, (long)facts.Count * MaxPartialMatchesPerFact));
        var limits = new Limits(limit, matchLimit, maxFirings is null, maxPartialMatches is null);
        var rules = onlyRules is null ? pack.Definitions : pack.Definitions.Where(d => onlyRules.Contains(d.Name)).ToArray();
        var sessions = parallelism ?? (facts.Count >= ParallelThreshold ? Environment.ProcessorCount : 1);
        // Each fact's type, read once for the partition's counts and every session's filter (see FactTypes).
        var types = new FactTypes(facts.Count);
        var counts = CountByType(facts, types);
        var groups = sessions > 1 && rules.Count > 1
            ? RulePartitioner.Partition(rules, pack.WrittenTypes, counts, sessions)
            : [new RulePartitioner.RuleGroup(rules, RulePartitioner.Reads(rules))];

        var outcomes = new GroupOutcome[groups.Count];
        if (groups.Count == 1)
        {
            // The selection's own network (for the whole pack, the one compiled when the pack was loaded).
            outcomes[0] = RunGroup(pack, groups[0], facts, types, onlyRules, limits, engine);
        }
        else
        {
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = sessions }, i =>
                outcomes[i] = RunGroup(pack, groups[i], facts, types, groups[i].Rules.Select(r => r.Name).ToArray(), limits, engine));
        }

        timer.Mark($"insert and fire in {groups.Count} session(s), {outcomes.Sum(o => o.Firings)} firings");
        var errors = outcomes.SelectMany(o => o.Errors).ToList();
        // Each session sorted its own findings beside the others: here they are only merged.
        var all = DeduplicateSorted(Merge(outcomes.Select(o => o.Findings).ToList()));
        timer.Mark($"collect {all.Count} findings");
        var (kept, suppressed) = ApplySuppressions(all, claims.Ignoring, pack, onlyRules);
        // Both keep the order of the deduplicated findings; only the suppression findings appended to kept need placing.
        kept = MergeAppended(kept, all.Count - suppressed.Count);
        timer.Mark("suppress and sort");
        errors.Sort((a, b) => string.CompareOrdinal(a.RuleId + a.FactFile + a.FactLine, b.RuleId + b.FactFile + b.FactLine));
        errors = CapPerRule(errors);
        return new RunResult(kept, suppressed, errors, facts.Count, outcomes.Sum(o => o.Firings));
    }

    /// <summary>
    /// How many facts there are of each type, noting each fact's type in <paramref name="types"/> (a loop: a lambda per
    /// fact ran unoptimised in a cold process).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<Type, int> CountByType(IReadOnlyList<IFact> facts, FactTypes types)
    {
        var counts = new Dictionary<Type, int>();
        for (var i = 0; i < facts.Count; i++)
        {
            var type = facts[i].GetType();
            types.Note(i, type);
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, type, out _);
            count++;
        }

        return counts;
    }

    private sealed record GroupOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleError> Errors, int Firings);

    /// <param name="FiringsByDefault">Whether the firing limit is the per-fact default (the message then says so).</param>
    private sealed record Limits(int Firings, int PartialMatches, bool FiringsByDefault, bool PartialMatchesByDefault);

    /// <summary>At most <see cref="MaxErrorsPerRule"/> errors per rule, then one saying how many more there were.</summary>
    private static List<RuleError> CapPerRule(IEnumerable<RuleError> errors)
    {
        var kept = new List<RuleError>();
        foreach (var group in errors.GroupBy(e => e.RuleId, StringComparer.Ordinal))
        {
            var all = group.ToList();
            kept.AddRange(all.Take(MaxErrorsPerRule));
            if (all.Count <= MaxErrorsPerRule) continue;
            var first = all[0];
            kept.Add(first with
            {
                Message = $"and {all.Count - MaxErrorsPerRule:N0} more errors of rule '{first.RuleId}' (only the first {MaxErrorsPerRule} are listed)",
                FactFile = null,
                FactLine = 0,
                FactColumn = 0,
                FactKeys = [],
            });
        }

        return kept;
    }

    /// <summary>One session over one group of rules, fed only the facts its patterns can match.</summary>
    private static GroupOutcome RunGroup(
        RulePack pack, RulePartitioner.RuleGroup group, IReadOnlyList<IFact> facts, FactTypes types, IReadOnlyCollection<string>? only, Limits limits, IRuleEngine? engine)
    {
        var session = pack.Compile(only, engine).CreateSession(new SessionOptions
        {
            ErrorPolicy = ErrorPolicy.Continue,
            RecordFirings = false,
            MaxFirings = limits.Firings,
            MaxPartialMatches = limits.PartialMatches,
            RightInputsFirst = true,
        });
        var errors = new List<RuleError>();
        var firings = 0;
        using var budget = Expressions.Runtime.ExpressionRuntime.BudgetText();
        try
        {
            session.InsertAll(types.Select(facts, group.ReadsFactsOf));

            firings = session.Fire();
        }
        catch (RuleLoopException ex)
        {
            // One error per rule firing last, at the rule's own position, so each can be fixed. Only a rule that
            // derives facts (other than findings) can loop; one that only reports fired too many times by itself.
            var firing = ex.Rules.Distinct().ToList();
            var limit = limits.FiringsByDefault
                ? $"the limit is {ex.Firings:N0} firings: {MaxFiringsPerFact} per fact, at least {MinimumMaxFirings:N0}; --max-firings raises it"
                : $"the limit given is {ex.Firings:N0} firings";
            foreach (var name in firing.Order(StringComparer.Ordinal))
            {
                var derives = pack.WrittenTypes(name).Any(t => t != typeof(Finding));
                var others = firing.Where(r => r != name).ToList();
                var message = derives
                    ? $"the rules did not stop: {ex.Firings:N0} firings without reaching a fixed point ({limit}); '{name}' was among the rules firing last{(others.Count > 0 ? $" with {string.Join(", ", others.Select(r => $"'{r}'"))}" : string.Empty)}. Make sure what it inserts cannot make it (or them) match again."
                    : $"rule '{name}' was stopped after {ex.Firings:N0} firings in this run ({limit}): it derives nothing, so it is not looping; it matches too many combinations of facts. Narrow its conditions (join on a key rather than pairing every fact with every other).";
                errors.Add(new RuleError(name, RuleFile(pack, name), RuleLine(pack, name), RuleColumn(pack, name), message, null, 0, 0, [], Limit: true));
            }
        }
        catch (MatchLimitException ex)
        {
            // The session stopped in the middle of an insert: its findings are partial, and the run failed anyway.
            var name = ex.Rule ?? group.Rules[0].Name;
            var limit = limits.PartialMatchesByDefault
                ? $"{ex.Limit:N0} partial matches, the limit ({MaxPartialMatchesPerFact} per fact, at least {MinimumMaxPartialMatches:N0}; --max-partial-matches raises it)"
                : $"{ex.Limit:N0} partial matches, the limit given";
            errors.Add(new RuleError(
                name, RuleFile(pack, name), RuleLine(pack, name), RuleColumn(pack, name),
                $"rule '{name}' was stopped: the run built {limit}, the last ones for this rule, so it pairs too many facts; no finding of this run is reported. Narrow its conditions (join on a key rather than pairing every fact with every other).",
                null, 0, 0, [], Limit: true));
            return new GroupOutcome([], errors, firings);
        }

        foreach (var error in session.Errors)
        {
            errors.Add(ToRuleError(error));
        }

        var findings = new List<Finding>(session.Query<Finding>());
        findings.Sort(FindingOrder);
        return new GroupOutcome(findings, errors, firings);
    }

    private static string RuleFile(RulePack pack, string id) => pack.Rules.FirstOrDefault(r => r.Id == id)?.File ?? string.Empty;

    private static int RuleLine(RulePack pack, string id) => pack.Rules.FirstOrDefault(r => r.Id == id)?.Line ?? 0;

    private static int RuleColumn(RulePack pack, string id) => pack.Rules.FirstOrDefault(r => r.Id == id)?.Column ?? 0;

    public static readonly Comparison<Finding> FindingOrder = (a, b) =>
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        if (c == 0) c = a.Column.CompareTo(b.Column);
        if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        for (var i = 0; c == 0 && i < Math.Min(a.FactKeys.Count, b.FactKeys.Count); i++)
        {
            c = string.CompareOrdinal(a.FactKeys[i], b.FactKeys[i]);
        }

        return c != 0 ? c : a.FactKeys.Count.CompareTo(b.FactKeys.Count);
    };

    /// <summary>
    /// A symmetric rule matches (a, b) and (b, a): one finding per rule and set of facts is enough, the
    /// first in <see cref="FindingOrder"/>. The result is in that order.
    /// </summary>
    internal static List<Finding> Deduplicate(IEnumerable<Finding> findings)
    {
        var sorted = findings.ToList();
        sorted.Sort(FindingOrder);
        return DeduplicateSorted(sorted);
    }

    /// <summary><see cref="Deduplicate"/> of findings already in <see cref="FindingOrder"/>.</summary>
    private static List<Finding> DeduplicateSorted(List<Finding> sorted)
    {
        // Compared as rule and set of fact keys in place, not as a key string built per finding (FactSetKey's).
        var seen = new HashSet<Finding>(sorted.Count, FactSetComparer.Instance);
        var result = new List<Finding>(sorted.Count);
        foreach (var finding in sorted)
        {
            if (seen.Add(finding)) result.Add(finding);
        }

        return result;
    }

    /// <summary>Lists each in <see cref="FindingOrder"/>, merged into one in that order.</summary>
    private static List<Finding> Merge(List<IReadOnlyList<Finding>> sorted)
    {
        var merged = new List<Finding>(sorted.Sum(s => s.Count));
        var at = new int[sorted.Count];
        while (true)
        {
            var next = -1;
            for (var i = 0; i < sorted.Count; i++)
            {
                if (at[i] < sorted[i].Count && (next < 0 || FindingOrder(sorted[i][at[i]], sorted[next][at[next]]) < 0)) next = i;
            }

            if (next < 0) return merged;
            merged.Add(sorted[next][at[next]++]);
        }
    }

    internal static string FactSetKey(Finding finding)
    {
        if (finding.FactKeys.Count == 1) return finding.RuleId + "\n" + finding.FactKeys[0];
        var keys = finding.FactKeys.ToArray();
        // Array.Sort with an IComparer wraps it in a new delegate on every call; a static comparison is cached.
        keys.AsSpan().Sort(string.CompareOrdinal);
        return finding.RuleId + "\n" + string.Join("\n", keys);
    }

    internal static (List<Finding> Kept, List<Finding> Suppressed) ApplySuppressions(
        List<Finding> findings, ClaimSet claims, RulePack pack, IReadOnlyCollection<string>? onlyRules)
    {
        // Most runs have no ignore entry at all: nothing to look up for each finding, nothing to report.
        if (!claims.Claims.Any(c => c.Ignore.Count > 0)) return (findings, []);
        var byClaim = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var claim in claims.Claims) byClaim.TryAdd(claim.Id, claim);
        var used = new HashSet<Suppression>(ReferenceEqualityComparer.Instance);
        var kept = new List<Finding>();
        var suppressed = new List<Finding>();
        foreach (var finding in findings)
        {
            Suppression? match = null;
            foreach (var claimId in finding.ClaimIds)
            {
                if (byClaim.TryGetValue(claimId, out var claim))
                {
                    match = claim.Ignore.FirstOrDefault(s => s.Rule.Id == finding.RuleId);
                    if (match is not null) break;
                }
            }

            if (match is null)
            {
                kept.Add(finding);
            }
            else
            {
                used.Add(match);
                suppressed.Add(finding);
            }
        }

        var ruleIds = pack.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in claims.Claims)
        {
            foreach (var suppression in claim.Ignore)
            {
                var at = suppression.Rule.Location;
                if (!ruleIds.Contains(suppression.Rule.Id))
                {
                    kept.Add(new Finding(
                        UnknownSuppressionRule, RuleSeverity.Warning,
                        $"'ignore' names rule '{suppression.Rule.Id}', which does not exist{Claims.Diagnostics.Suggestions.DidYouMean(suppression.Rule.Id, ruleIds)}; remove the entry or correct the id",
                        at.File, at.Line, at.Column, ["claim:" + claim.Id], [claim.Id], []));
                }
                else if (!used.Contains(suppression) && (onlyRules is null || onlyRules.Contains(suppression.Rule.Id)))
                {
                    kept.Add(new Finding(
                        UnusedSuppressionRule, RuleSeverity.Warning,
                        $"'ignore' of rule '{suppression.Rule.Id}' no longer suppresses anything on claim '{claim.Id}'; remove the entry",
                        at.File, at.Line, at.Column, ["claim:" + claim.Id], [claim.Id], []));
                }
            }
        }

        return (kept, suppressed);
    }

    /// <summary>Sorts the findings after <paramref name="sorted"/> (few) and merges them into the sorted ones before.</summary>
    internal static List<Finding> MergeAppended(List<Finding> findings, int sorted)
    {
        if (findings.Count == sorted) return findings;
        var tail = findings.GetRange(sorted, findings.Count - sorted);
        tail.Sort(FindingOrder);
        var merged = new List<Finding>(findings.Count);
        int i = 0, j = 0;
        while (i < sorted && j < tail.Count) merged.Add(FindingOrder(findings[i], tail[j]) <= 0 ? findings[i++] : tail[j++]);
        while (i < sorted) merged.Add(findings[i++]);
        while (j < tail.Count) merged.Add(tail[j++]);
        return merged;
    }

    private static RuleError ToRuleError(RuleEvaluationError error)
    {
        var info = (RuleInfo)error.Rule.Tag!;
        var fact = error.Facts.OfType<IFact>().FirstOrDefault();
        var cause = error.Exception is ExpressionEvaluationException ee
            ? $"{info.File}:{ee.Line}:{ee.Column}: {ee.Reason} in '{ee.ExpressionText}'"
            : $"{error.What}: {error.Exception.GetType().Name}: {error.Exception.Message}";
        return new RuleError(
            info.Id, info.File, info.Line, info.Column, cause,
            fact?.File, fact?.Line ?? 0, fact?.Column ?? 0,
            error.Facts.OfType<IFact>().Select(f => f.Key).ToArray(),
            Limit: error.Exception is ExpressionEvaluationException { InnerException: Expressions.Runtime.LimitExceededException });
    }
}
