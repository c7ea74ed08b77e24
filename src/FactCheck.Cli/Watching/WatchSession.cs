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
    // The last save that could be checked: its findings as the rules gave them, as checked (fingerprinted), how many
    // fail, and how many findings have each fingerprint. A finding stays the same object while its match holds, so a
    // save fingerprints only the findings that came in.
    private IReadOnlyList<Finding> _lastFindings = [];
    private IReadOnlyList<CheckedFinding> _lastChecked = [];
    private int _lastFailing;
    private readonly Dictionary<string, int> _lastFingerprints = new(StringComparer.Ordinal);
    private List<CheckedFinding> _cameIn = [];
    private List<CheckedFinding> _wentOut = [];
    private Dictionary<Finding, CheckedFinding> _suppressedCache = new(ReferenceEqualityComparer.Instance);
    // The rules files as compiled (display path and stamp), to find a change no watcher reported.
    private List<(string Full, FileStamp Stamp, byte[]? Hash)> _ruleFiles = [];

    public WatchSession(CheckOptions options, string baseDirectory)
    {
        _options = options with { Database = null, Baseline = null, BaselineFingerprints = null };
        _baseDirectory = baseDirectory;
        var claims = Task.Run(() => new WatchedClaims([options.ClaimsPath], baseDirectory));
        LoadRules();
        _claims = claims.GetAwaiter().GetResult();
        Outcome = Evaluate(out _);
        foreach (var f in _cameIn) Count(f.Fingerprint, +1);
    }

    /// <summary>The outcome of the claims and rules as they are now (no report is written).</summary>
    public CheckOutcome Outcome { get; private set; }

    /// <summary>Held by whoever changes or reads the session: the watch loop, and a <c>check</c> being served.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The options the session runs with (no report, no baseline).</summary>
    public CheckOptions Options => _options;

    public string BaseDirectory => _baseDirectory;

    /// <summary>The claims as last read (what <see cref="ClaimsLoader.Load"/> would give for them).</summary>
    public LoadResult Claims => _claims.Current;

    public RulePack Pack => _pack;

    /// <summary>The rule ids the session runs (null: all), as <see cref="CheckRunner.Prepare"/> computes them.</summary>
    public IReadOnlyCollection<string>? Only { get; private set; }

    /// <summary>
    /// Brings the session up to date with the disk without being told what changed: every claims file, source text
    /// and rules file is compared with its stamp when read (<see cref="WatchedClaims.Refresh"/>). Callers hold <see cref="Gate"/>.
    /// </summary>
    public WatchUpdate Sync() => Apply(new HashSet<string>(StringComparer.Ordinal), RulesChanged());

    /// <summary>
    /// Whether a rules file was added, removed, or is different on disk. A file whose stamp was racy when compiled is
    /// compared by content instead (compiling the rules again means running them all again), and its stamp kept once
    /// it is no longer racy.
    /// </summary>
    private bool RulesChanged()
    {
        if (_options.UseBundledRules) return false;
        var now = RuleFiles();
        if (now.Count != _ruleFiles.Count) return true;
        for (var i = 0; i < now.Count; i++)
        {
            var (was, nowFile) = (_ruleFiles[i], now[i]);
            if (nowFile.Full != was.Full) return true;
            if (!was.Stamp.Racy && nowFile.Stamp.Same(was.Stamp)) continue;
            if (was.Hash is null || (nowFile.Hash ?? ContentHash(nowFile.Full)) is not { } hash || !was.Hash.AsSpan().SequenceEqual(hash)) return true;
        }

        // Unchanged: the new stamps (perhaps no longer racy) stand for the same content.
        _ruleFiles = now;
        return false;
    }

    /// <summary>The rules files, each stamped, and hashed when the stamp is racy (see <see cref="FileStamp"/>).</summary>
    private List<(string Full, FileStamp Stamp, byte[]? Hash)> RuleFiles() =>
        _options.UseBundledRules ? [] : ClaimsLoader.Discover([_options.RulesPath], _baseDirectory, [], "rules").Select(f =>
        {
            var stamp = FileStamp.Of(f.Full);
            return (f.Full, stamp, stamp.Racy ? ContentHash(f.Full) : null);
        }).ToList();

    private static byte[]? ContentHash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return System.Security.Cryptography.SHA256.HashData(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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
        if (read.Count == 0 && !rulesChanged)
        {
            // Nothing changed on disk (a save a served check read in already, or an event that changed nothing): the outcome stands.
            return new WatchUpdate([], [], [], [], Outcome.InputErrors.Count == 0, false, clock.Elapsed, 0, 0);
        }

        var outcome = Evaluate(out var change, timer);
        var touched = read.ToHashSet(StringComparer.Ordinal);
        var loadErrors = rulesChanged ? outcome.InputErrors : outcome.InputErrors.Where(d => touched.Contains(d.Location.File)).ToList();
        var checkedNow = outcome.InputErrors.Count == 0;
        IReadOnlyList<CheckedFinding> added = [], gone = [];
        if (checkedNow)
        {
            // Compared with the last save that could be checked: breaking a file and fixing it reports only what the fix changed.
            added = _cameIn.Where(f => _lastFingerprints.GetValueOrDefault(f.Fingerprint) == 0).ToList();
            foreach (var f in _wentOut) Count(f.Fingerprint, -1);
            foreach (var f in _cameIn) Count(f.Fingerprint, +1);
            gone = _wentOut.Where(f => _lastFingerprints.GetValueOrDefault(f.Fingerprint) == 0).DistinctBy(f => f.Fingerprint).ToList();
        }

        timer.Mark("new and fixed");
        Outcome = outcome;
        return new WatchUpdate(read, added, gone, loadErrors, checkedNow, rulesChanged, clock.Elapsed, change.Retracted, change.Inserted);
    }

    private void LoadRules()
    {
        // Stamped before they are read: a change while they compile shows next time.
        _ruleFiles = RuleFiles();
        _pack = _options.UseBundledRules ? Configuration.BundledRules.Load(p => p) : RulePackLoader.Load([_options.RulesPath], _baseDirectory);
        // The rules check runs: --rule, else factcheck.yaml's enable and disable.
        Only = _options.OnlyRules.Count > 0 ? _options.OnlyRules : _options.Selection?.Only(_pack.Rules);
        _run = new IncrementalRun(_pack, Only, _options.Engine, _options.MaxFirings, _options.MaxPartialMatches);
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
        var findings = Merge(result.Findings);
        timer?.Mark("fingerprint the findings that came in");
        var cache = new Dictionary<Finding, CheckedFinding>(ReferenceEqualityComparer.Instance);
        var suppressed = new List<CheckedFinding>(result.Suppressed.Count);
        foreach (var f in result.Suppressed)
        {
            if (!_suppressedCache.TryGetValue(f, out var known)) known = Check(_options.Selection?.Apply(f) ?? f, failOn: null);
            cache[f] = known;
            suppressed.Add(known);
        }

        _suppressedCache = cache;
        var exitCode = result.Errors.Count > 0 ? ExitCodes.InvalidInput : _lastFailing > 0 ? ExitCodes.Findings : ExitCodes.Success;
        return new CheckOutcome(
            CheckRunner.ToolVersion, _rules, findings, suppressed, [], result.Errors, set.Claims.Count, set.Sources.Count, _options.FailOn, false, exitCode);
    }

    /// <summary>
    /// The findings checked, those of the last checked save as they were: both lists are in finding order, so one walk
    /// pairs them, and what is not in both came in or went out.
    /// </summary>
    private List<CheckedFinding> Merge(IReadOnlyList<Finding> findings)
    {
        var (before, checkedBefore) = (_lastFindings, _lastChecked);
        var result = new List<CheckedFinding>(findings.Count);
        var (cameIn, wentOut) = (new List<CheckedFinding>(), new List<CheckedFinding>());
        var j = 0;
        foreach (var finding in findings)
        {
            while (j < before.Count && !ReferenceEquals(before[j], finding) && RuleRunner.FindingOrder(before[j], finding) < 0) wentOut.Add(checkedBefore[j++]);
            if (j < before.Count && ReferenceEquals(before[j], finding))
            {
                result.Add(checkedBefore[j++]);
                continue;
            }

            var known = Check(_options.Selection?.Apply(finding) ?? finding, _options.FailOn);
            result.Add(known);
            cameIn.Add(known);
        }

        while (j < before.Count) wentOut.Add(checkedBefore[j++]);
        _lastFailing += cameIn.Count(f => f.Fails) - wentOut.Count(f => f.Fails);
        (_lastFindings, _lastChecked, _cameIn, _wentOut) = (findings, result, cameIn, wentOut);
        return result;
    }

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
