using System.Diagnostics;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Claims.Watching;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Report;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Watching;

/// <summary>
/// The state <c>check --watch</c> keeps between saves: the claims file by file, the compiled rules and the engine
/// sessions. <see cref="Apply"/> takes the paths that changed and leaves <see cref="Outcome"/> equal to what
/// <see cref="CheckRunner.Run"/> would return now without a report or baseline (the tests hold it to that).
/// </summary>
internal sealed class WatchSession
{
    private readonly CheckOptions _options;
    private readonly string _baseDirectory;
    private readonly WatchedClaims _claims;
    private RulePack _pack = null!;
    private List<RuleInfo> _rules = [];
    private IncrementalRun _run = null!;
    private HashSet<CheckedFinding> _lastChecked = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<CheckedFinding> _lastCheckedList = [];
    private readonly Dictionary<string, int> _lastFingerprints = new(StringComparer.Ordinal);

    // A finding stays the same object while its match holds: its fingerprint (a hash) is computed once.
    private Dictionary<Finding, CheckedFinding> _checkedCache = new(ReferenceEqualityComparer.Instance);

    public WatchSession(CheckOptions options, string baseDirectory)
    {
        _options = options with { Database = null, Baseline = null, BaselineFingerprints = null };
        _baseDirectory = baseDirectory;
        var claims = Task.Run(() => new WatchedClaims([options.ClaimsPath], baseDirectory));
        LoadRules();
        _claims = claims.GetAwaiter().GetResult();
        Outcome = Evaluate(out _);
        _lastCheckedList = Outcome.Findings;
        _lastChecked = new HashSet<CheckedFinding>(Outcome.Findings, ReferenceEqualityComparer.Instance);
        foreach (var f in Outcome.Findings) Count(f.Fingerprint, +1);
    }

    /// <summary>The outcome of the claims and rules as they are now (no report is written).</summary>
    public CheckOutcome Outcome { get; private set; }

    /// <summary>The rules folder or file, full path; null for the bundled pack (nothing to watch).</summary>
    public string? RulesPath => _options.UseBundledRules ? null : Path.GetFullPath(_options.RulesPath, _baseDirectory);

    public string ClaimsPath => Path.GetFullPath(_options.ClaimsPath, _baseDirectory);

    /// <param name="changedClaims">
    /// Full paths of claims files written, created, deleted or renamed (others changed on disk are found too); null to
    /// read every file again (a source's text changed, or the watcher lost events).
    /// </param>
    /// <param name="rulesChanged">Whether a rules file changed: the rules are compiled again and everything is run again.</param>
    public WatchUpdate Apply(IReadOnlySet<string>? changedClaims, bool rulesChanged)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PhaseTimer();
        if (rulesChanged) LoadRules();
        var read = _claims.Refresh(rulesChanged ? null : changedClaims);
        timer.Mark($"read {read.Count} changed file(s), cross-file checks");
        var outcome = Evaluate(out var change, timer);
        timer.Mark("fingerprint");
        var touched = read.ToHashSet(StringComparer.Ordinal);
        var loadErrors = rulesChanged ? outcome.InputErrors : outcome.InputErrors.Where(d => touched.Contains(d.Location.File)).ToList();
        var checkedNow = outcome.InputErrors.Count == 0;
        IReadOnlyList<CheckedFinding> added = [], gone = [];
        if (checkedNow)
        {
            // Compared with the last save that could be checked: breaking a file and fixing it reports only what the fix changed.
            // A finding whose match held is the same object as before: only those that came or went are compared by fingerprint.
            var now = new HashSet<CheckedFinding>(outcome.Findings, ReferenceEqualityComparer.Instance);
            var cameIn = outcome.Findings.Where(f => !_lastChecked.Contains(f)).ToList();
            var wentOut = _lastCheckedList.Where(f => !now.Contains(f)).ToList();
            added = cameIn.Where(f => _lastFingerprints.GetValueOrDefault(f.Fingerprint) == 0).ToList();
            foreach (var f in wentOut) Count(f.Fingerprint, -1);
            foreach (var f in cameIn) Count(f.Fingerprint, +1);
            gone = wentOut.Where(f => _lastFingerprints.GetValueOrDefault(f.Fingerprint) == 0).DistinctBy(f => f.Fingerprint).ToList();
            (_lastChecked, _lastCheckedList) = (now, outcome.Findings);
        }

        timer.Mark("new and fixed");
        Outcome = outcome;
        return new WatchUpdate(read, added, gone, loadErrors, checkedNow, rulesChanged, clock.Elapsed, change.Retracted, change.Inserted);
    }

    private void LoadRules()
    {
        _pack = _options.UseBundledRules ? Configuration.BundledRules.Load(p => p) : RulePackLoader.Load([_options.RulesPath], _baseDirectory);
        _run = new IncrementalRun(
            _pack, _options.OnlyRules.Count == 0 ? null : _options.OnlyRules, _options.Engine, _options.MaxFirings, _options.MaxPartialMatches);
    }

    /// <summary>What <see cref="CheckRunner.Run"/> computes, on the kept claims and sessions.</summary>
    private CheckOutcome Evaluate(out (int Retracted, int Inserted) change, PhaseTimer? timer = null)
    {
        change = (0, 0);
        var claims = _claims.Current;
        var (inputErrors, _, rules) = CheckRunner.Prepare(claims.Diagnostics, _pack, _options);
        _rules = rules;
        var set = claims.ClaimSet;
        if (inputErrors.Count > 0)
        {
            return new CheckOutcome(
                CheckRunner.ToolVersion, _rules, [], [], inputErrors, [], set.Claims.Count, set.Sources.Count, _options.FailOn, false, ExitCodes.InvalidInput);
        }

        var result = _run.Run(set);
        timer?.Mark("run the rules");
        change = _run.LastChange;
        if (_checkedCache.Count > 2 * (result.Findings.Count + result.Suppressed.Count) + 1024)
        {
            // Findings that went accumulate: start afresh now and then (a fingerprint is cheap next to a save).
            _checkedCache = new Dictionary<Finding, CheckedFinding>(ReferenceEqualityComparer.Instance);
        }

        var findings = result.Findings.Select(f => Cached(f, _options.FailOn)).ToList();
        var suppressed = result.Suppressed.Select(f => Cached(f, failOn: null)).ToList();
        var exitCode = result.Errors.Count > 0 ? ExitCodes.InvalidInput : findings.Any(f => f.Fails) ? ExitCodes.Findings : ExitCodes.Success;
        return new CheckOutcome(
            CheckRunner.ToolVersion, _rules, findings, suppressed, [], result.Errors, set.Claims.Count, set.Sources.Count, _options.FailOn, false, exitCode);
    }

    private CheckedFinding Cached(Finding finding, RuleSeverity? failOn)
    {
        // Kept and suppressed findings are told apart by failOn (a suppressed one never fails): a finding that moved
        // from one list to the other is checked again.
        if (!_checkedCache.TryGetValue(finding, out var known) || known.Fails != Fails(known.Finding, failOn))
        {
            known = Check(_options.Selection?.Apply(finding) ?? finding, failOn);
            _checkedCache[finding] = known;
        }

        return known;
    }

    private static bool Fails(Finding finding, RuleSeverity? failOn) => failOn is { } threshold && finding.Severity >= threshold;

    private static CheckedFinding Check(Finding finding, RuleSeverity? failOn)
    {
        var fails = failOn is { } threshold && finding.Severity >= threshold;
        return new CheckedFinding(finding, Fingerprint.Compute(finding.RuleId, finding.FactKeys), IsNew: true, fails);
    }

    private void Count(string fingerprint, int change)
    {
        var n = _lastFingerprints.GetValueOrDefault(fingerprint) + change;
        if (n == 0) _lastFingerprints.Remove(fingerprint);
        else _lastFingerprints[fingerprint] = n;
    }
}
