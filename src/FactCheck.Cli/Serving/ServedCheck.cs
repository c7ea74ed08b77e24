using FactCheck.Claims.Loading;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Cli.Watching;
using FactCheck.Report;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Serving;

/// <summary>
/// One <c>check</c> answered by a running session (<see cref="CheckServer"/>): the command runs as in-process, with
/// the client's working folder, arguments and environment, except that <see cref="CheckRunner"/> takes the claims,
/// rules and findings from the session (<see cref="Load"/>, <see cref="Run"/>) instead of reading and running them.
/// The session is first brought up to date from the disk (<see cref="WatchSession.Sync"/>), so the answer is the one
/// an in-process run gives now. A check the session cannot answer exactly (other rules selected, another engine or
/// limits, settings the session started with that had errors) is declined: the client then checks in-process.
/// </summary>
/// <param name="accepted">Told when the session has taken the check on (it will not decline it after that).</param>
internal sealed class ServedCheck(WatchSession session, ServeRequest request, Action<WatchUpdate, CheckOutcome>? synced, Action? accepted = null)
{
    /// <summary>How long a check waits for the session (another check, or the watch loop reading a save) before declining.</summary>
    public static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(5);

    private static readonly AsyncLocal<ServedCheck?> CurrentCheck = new();
    private CheckOutcome? _kept;

    /// <summary>The check being served in this flow of control; null in-process.</summary>
    public static ServedCheck? Current => CurrentCheck.Value;

    public ServeRequest Request => request;

    /// <summary>Why the session declined the check; null while it has not.</summary>
    public string? Declined { get; private set; }

    /// <summary>An environment variable as the one who runs the check sees it: a served check's client, else this process.</summary>
    public static string? Variable(string name) =>
        Current is { } served ? served.Request.Variables.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);

    /// <summary>Runs the check in this flow of control as served.</summary>
    public IDisposable Use()
    {
        CurrentCheck.Value = this;
        return new Restore();
    }

    /// <summary>
    /// The claims and rules of the check, the session brought up to date first; throws <see cref="DeclinedException"/>
    /// when the session cannot answer this check exactly.
    /// </summary>
    public (LoadResult Claims, RulePack Pack) Load(CheckOptions options, string baseDirectory)
    {
        if (Mismatch(options, baseDirectory) is { } why) throw Decline(why);
        if (!session.Gate.Wait(BusyWait)) throw Decline($"the session was busy for {BusyWait.TotalSeconds:F0} s");
        WatchUpdate update;
        LoadResult claims;
        RulePack pack;
        IReadOnlyCollection<string>? only;
        try
        {
            update = session.Sync();
            (claims, pack, only, _kept) = (session.Claims, session.Pack, session.Only, session.Outcome);
        }
        finally
        {
            // What was taken are the session's last objects, which it replaces (never changes) on the next save.
            session.Gate.Release();
        }

        if (update.FilesRead.Count > 0 || update.RulesReloaded) synced?.Invoke(update, _kept);
        var wanted = options.OnlyRules.Count > 0 ? options.OnlyRules : options.Selection?.Only(pack.Rules);
        if (!SameRules(wanted, only)) throw Decline("this check selects other rules (--rule, or factcheck.yaml's enable and disable) than the session runs");
        if (_kept.InputErrors.Count > 0 && CheckRunner.Prepare(claims.Diagnostics, pack, options).InputErrors.Count == 0)
        {
            throw Decline("the session's own settings have errors this check does not have");
        }

        accepted?.Invoke();
        return (claims, pack);
    }

    /// <summary>The outcome of the check: the session's findings, checked against this check's baseline and threshold.</summary>
    public CheckOutcome Run(CheckOptions options, List<RuleInfo> rules, IReadOnlySet<string>? baseline)
    {
        var kept = _kept ?? throw new InvalidOperationException("Run before Load");
        var same = baseline is null && options.FailOn == session.Options.FailOn;
        var findings = same ? kept.Findings : kept.Findings.Select(f => Check(f, baseline, options.FailOn)).ToList();
        var suppressed = baseline is null ? kept.Suppressed : kept.Suppressed.Select(f => Check(f, baseline, failOn: null)).ToList();
        var exitCode = kept.RuleErrors.Count > 0 ? ExitCodes.InvalidInput
            : findings.Any(f => f.Fails) ? ExitCodes.Findings
            : ExitCodes.Success;
        return new CheckOutcome(
            CheckRunner.ToolVersion, rules, findings, suppressed, [], kept.RuleErrors, kept.ClaimCount, kept.SourceCount, options.FailOn, baseline is not null, exitCode);
    }

    /// <summary>As <see cref="CheckRunner"/> checks a finding; the fingerprint is the session's.</summary>
    private static CheckedFinding Check(CheckedFinding kept, IReadOnlySet<string>? baseline, RuleSeverity? failOn)
    {
        var isNew = baseline is null || !baseline.Contains(kept.Fingerprint);
        var fails = isNew && failOn is { } threshold && kept.Finding.Severity >= threshold;
        return kept.IsNew == isNew && kept.Fails == fails ? kept : kept with { IsNew = isNew, Fails = fails };
    }

    /// <summary>Why the session's findings are not this check's; null when they are.</summary>
    private string? Mismatch(CheckOptions options, string baseDirectory)
    {
        var kept = session.Options;
        string Full(string path, string root) => ServerFolder.Canonical(path, root);
        if (Full(baseDirectory, baseDirectory) != Full(session.BaseDirectory, session.BaseDirectory)) return "another working folder";
        if (Full(options.ClaimsPath, baseDirectory) != Full(kept.ClaimsPath, session.BaseDirectory)) return "other claims";
        if (options.UseBundledRules != kept.UseBundledRules || (!options.UseBundledRules && Full(options.RulesPath, baseDirectory) != Full(kept.RulesPath, session.BaseDirectory)))
        {
            return "other rules";
        }

        if (!ReferenceEquals(options.Engine ?? Engine.RuleEngine.Default, kept.Engine ?? Engine.RuleEngine.Default)) return "another engine";
        if (options.MaxFirings != kept.MaxFirings || options.MaxPartialMatches != kept.MaxPartialMatches) return "other limits";
        if ((options.Selection?.Severities ?? string.Empty) != (kept.Selection?.Severities ?? string.Empty)) return "other severities (factcheck.yaml)";
        return null;
    }

    private static bool SameRules(IReadOnlyCollection<string>? a, IReadOnlyCollection<string>? b) =>
        a is null ? b is null : b is not null && a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    private DeclinedException Decline(string why)
    {
        Declined = why;
        return new DeclinedException(why);
    }

    /// <summary>The session cannot answer this check; the client checks in-process.</summary>
    internal sealed class DeclinedException(string message) : Exception(message);

    private sealed class Restore : IDisposable
    {
        public void Dispose() => CurrentCheck.Value = null;
    }
}
