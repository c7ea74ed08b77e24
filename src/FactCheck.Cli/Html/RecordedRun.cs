using System.Globalization;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.Output;
using FactCheck.Report;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Html;

/// <summary>
/// A run recorded in the report, rebuilt as the page's inputs. The report keeps less than the claims files: what it
/// lacks is empty on the page, and <see cref="Notice"/> says what that is.
/// </summary>
internal sealed record RecordedRun(CheckOutcome Outcome, ClaimSet Claims, string Title, string Notice)
{
    /// <summary>Enough for the largest corpora measured (100,000 claims, findings and appearances per run).</summary>
    private static readonly QueryLimits Limits = new(TimeSpan.FromMinutes(5), MaxRows: 10_000_000, MaxBytes: 4L * 1024 * 1024 * 1024);

    public static RecordedRun Read(ReportStore store, RunInfo run)
    {
        var id = run.RunId.ToString(CultureInfo.InvariantCulture);
        var truncated = false;
        IReadOnlyList<IReadOnlyList<object?>> Rows(string sql)
        {
            var result = store.QueryReadOnly(sql, Limits);
            truncated |= result.Truncated;
            return result.Rows;
        }

        var sources = Rows($"SELECT source_id, kind, title, outlet, url, file, line FROM sources WHERE run_id = {id} ORDER BY file, line, source_id")
            .Select(r => new Source(
                Text(r[0])!, KebabCase.TryParse<SourceKind>(Text(r[1]) ?? "", out var kind) ? kind : SourceKind.Other, Text(r[2]), Text(r[3]), [], null, Text(r[4]),
                null, null, null, null, null, null, At(r[5], r[6], null)))
            .ToList();

        var appearances = Rows($"SELECT claim_id, source_id, attribution, quote, file, line, col FROM appearances WHERE run_id = {id} ORDER BY file, line, col, seq")
            .ToLookup(r => Text(r[0])!, r => new Appearance(
                new Reference(Text(r[1])!, Location.None), KebabCase.TryParse<AttributionKind>(Text(r[2]) ?? "", out var a) ? a : AttributionKind.Unattributed,
                Text(r[3]) ?? "", null, null, [], At(r[4], r[5], r[6])), StringComparer.Ordinal);
        var citations = Rows($"SELECT claim_id, source_id, cited_as, file, line, col FROM citations WHERE run_id = {id} ORDER BY file, line, col")
            .ToLookup(r => Text(r[0])!, r => new Citation(Text(r[1]) is { } s ? new Reference(s, Location.None) : null, Text(r[2]) ?? "", At(r[3], r[4], r[5])), StringComparer.Ordinal);
        var claims = Rows($"SELECT claim_id, file, line, col, statement, claimant, status FROM claims WHERE run_id = {id} ORDER BY file, line, col, claim_id")
            .Select(r =>
            {
                var claimId = Text(r[0])!;
                var at = At(r[1], r[2], r[3]);
                var status = KebabCase.TryParse<ReviewStatus>(Text(r[6]) ?? "", out var s) ? s : ReviewStatus.Unreviewed;
                return new Claim(
                    claimId, Text(r[4]) ?? "", new Claimant(Text(r[5]) ?? "", ClaimantKind.Unknown, null, at), null, [], appearances[claimId].ToList(),
                    citations[claimId].ToList(), new Review(status, null, null, at), ClaimLinks.Empty, [], null, at);
            })
            .ToList();

        var rules = Rows($"SELECT rule_id, title, severity, file, line FROM rules WHERE run_id = {id} ORDER BY rule_id")
            .Select(r => new RuleInfo(Text(r[0])!, Text(r[1]) ?? Text(r[0])!, Severity(Text(r[2])), "", null, [], 0, Text(r[3]) ?? "", Int(r[4]), 0))
            .ToList();

        var claimLinks = Rows($"SELECT fc.finding_id, fc.claim_id FROM finding_claims fc JOIN findings f ON f.finding_id = fc.finding_id WHERE f.run_id = {id}")
            .ToLookup(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Text(r[1])!);
        var sourceLinks = Rows($"SELECT fs.finding_id, fs.source_id FROM finding_sources fs JOIN findings f ON f.finding_id = fs.finding_id WHERE f.run_id = {id}")
            .ToLookup(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Text(r[1])!);
        var previous = run.Failed ? null : store.GetPreviousRunId(run.RunId);
        var fresh = previous is null ? null : store.DiffWithPrevious(run.RunId).New.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var findings = store.GetFindings(run.RunId)
            .Select(f => new CheckedFinding(
                new Finding(f.RuleId, Severity(f.Severity), f.Message, f.File ?? "", f.Line ?? 0, f.Column ?? 0, [], claimLinks[f.FindingId].ToList(), sourceLinks[f.FindingId].ToList()),
                f.Fingerprint, fresh?.Contains(f.Fingerprint) ?? false, false))
            .ToList();

        var errors = Rows($"SELECT kind, message, rule_id, file, line, col FROM run_errors WHERE run_id = {id}");
        var inputErrors = errors.Where(r => Text(r[0]) == RunErrorKinds.InvalidInput)
            .Select(r => Diagnostic.Error(At(r[3], r[4], r[5]), "recorded", Text(r[1]) ?? "")).ToList();
        var outcome = new CheckOutcome(run.ToolVersion, rules, findings, [], inputErrors, [], claims.Count, sources.Count, null, fresh is not null, 0);

        var inv = CultureInfo.InvariantCulture;
        var notice = string.Create(inv, $"Run {run.RunId} as recorded in the report on {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z")
            + (run.GitCommit is { } commit ? $" (commit {commit[..Math.Min(12, commit.Length)]})" : "")
            + (previous is { } p ? string.Create(inv, $"; findings new since run {p} are marked") : "")
            + ". The report keeps the findings, each claim's statement, claimant name and review status, its printings (source, attribution, words) "
            + "and citations, and each source's kind, title, outlet and address. It does not keep claimants' roles and kinds, when claims were made, "
            + "the circumstances of printings, review details (rating, fact-check address: so no ClaimReview is embedded), links between claims, "
            + "sources' dates, bylines and derivations, or the rules' descriptions: those parts of the page are empty. "
            + "For the whole page, run factcheck check --html on the claims of that run."
            + (run.Failed ? " This run failed (invalid input, or a rule stopped by a limit): its findings are partial." : "")
            + (errors.Count > inputErrors.Count ? string.Create(inv, $" {errors.Count - inputErrors.Count} rule error(s) were recorded (see the run_errors table).") : "")
            + (truncated ? " The run is larger than the page reads; some rows are left out." : "");
        var title = string.Create(inv, $"FactCheck: run {run.RunId} ({run.StartedAt.UtcDateTime:yyyy-MM-dd})");
        return new RecordedRun(outcome, new ClaimSet(sources, [], claims, []), title, notice);
    }

    private static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        byte[] b => Convert.ToHexStringLower(b),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static int Int(object? value) => value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static Location At(object? file, object? line, object? column) => new(Text(file) ?? "", Int(line), Int(column));

    private static RuleSeverity Severity(string? text) => KebabCase.TryParse<RuleSeverity>(text ?? "", out var s) ? s : RuleSeverity.Info;
}
