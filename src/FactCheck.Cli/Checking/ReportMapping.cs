using System.Runtime.CompilerServices;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.Output;
using FactCheck.Report;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Checking;

/// <summary>Maps a check's inputs and outcome to the report's records (the report knows nothing of claims).</summary>
internal static class ReportMapping
{
    /// <summary>
    /// Each claim's rows as last mapped, for a session (<c>serve</c>) that records many runs: it passes the same
    /// <see cref="Claim"/> objects again for the files that did not change (they are immutable and replaced, never
    /// changed, on a save), so only the changed files' claims are mapped and digested again, and the report gets the
    /// same row objects, which lets it skip hashing the unchanged files (<see cref="ReportStore"/>). The entries go with
    /// their claims. A one-off check does not keep them (100,000 entries would only add work for the collector).
    /// </summary>
    private static readonly ConditionalWeakTable<Claim, ClaimRows> Kept = new();

    /// <summary>The claims' side of a run (digests included): it does not depend on the rules, so a check maps it while they run.</summary>
    /// <param name="keep">Reuse and keep each claim's rows (a session recording run after run); false for a one-off check.</param>
    /// <remarks>Loops into arrays of the right size: run once per process over every claim, lambdas would run unoptimised.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RunData Inputs(ClaimSet claims, bool keep = false)
    {
        var sources = new ReportSource[claims.Sources.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            var s = claims.Sources[i];
            sources[i] = new ReportSource(s.Id, KebabCase.Of(s.Kind), s.Title, s.Outlet, s.Url, s.Location.File, s.Location.Line);
        }

        var digest = new ContentDigestBuilder();
        var dates = new Dictionary<PartialDate, string>();
        var rows = new ReportClaim[claims.Claims.Count];
        var kept = keep ? new ClaimRows[rows.Length] : null;
        int appearanceCount = 0, citationCount = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var c = claims.Claims[i];
            if (kept is not null)
            {
                if (!Kept.TryGetValue(c, out var known))
                {
                    known = Map(c, digest, dates);
                    Kept.AddOrUpdate(c, known);
                }

                kept[i] = known;
                rows[i] = known.Claim;
            }
            else
            {
                rows[i] = new ReportClaim(c.Id, c.Location.File, c.Location.Line, c.Location.Column, c.Statement, c.Claimant.Name, KebabCase.Of(c.Review.Status), Digest(c, digest, dates));
            }

            appearanceCount += c.Appearances.Count;
            citationCount += c.Cites.Count;
        }

        var appearances = new ReportAppearance[appearanceCount];
        var citations = new ReportCitation[citationCount];
        int nextAppearance = 0, nextCitation = 0;
        if (kept is not null)
        {
            foreach (var known in kept)
            {
                known.Appearances.CopyTo(appearances, nextAppearance);
                nextAppearance += known.Appearances.Length;
                known.Citations.CopyTo(citations, nextCitation);
                nextCitation += known.Citations.Length;
            }
        }
        else
        {
            foreach (var c in claims.Claims)
            {
                foreach (var a in c.Appearances) appearances[nextAppearance++] = Appearance(c, a);
                foreach (var x in c.Cites) citations[nextCitation++] = Citation(c, x);
            }
        }

        return new()
        {
            ToolVersion = string.Empty,
            StartedAt = default,
            FinishedAt = default,
            Sources = sources,
            Claims = rows,
            Appearances = appearances,
            Citations = citations,
        };
    }

    private static ClaimRows Map(Claim c, ContentDigestBuilder digest, Dictionary<PartialDate, string> dates) => new(
        new ReportClaim(c.Id, c.Location.File, c.Location.Line, c.Location.Column, c.Statement, c.Claimant.Name, KebabCase.Of(c.Review.Status), Digest(c, digest, dates)),
        c.Appearances.Select(a => Appearance(c, a)).ToArray(),
        c.Cites.Select(x => Citation(c, x)).ToArray());

    private static ReportAppearance Appearance(Claim c, Appearance a) =>
        new(c.Id, a.Source.Id, KebabCase.Of(a.Attribution), a.Quote, a.Location.File, a.Location.Line, a.Location.Column);

    private static ReportCitation Citation(Claim c, Citation x) => new(c.Id, x.Source?.Id, x.As, x.Location.File, x.Location.Line, x.Location.Column);

    public static RunData ToRunData(RunData inputs, IReadOnlyList<RuleInfo> rules, CheckOutcome outcome, DateTimeOffset started, DateTimeOffset finished, string? commit) =>
        Results(rules, outcome, started, finished, commit) with
        {
            Sources = inputs.Sources,
            Claims = inputs.Claims,
            Appearances = inputs.Appearances,
            Citations = inputs.Citations,
        };

    /// <summary>The outcome's side of a run (rules, findings, errors), for a run whose inputs were recorded already (<see cref="PendingRun"/>).</summary>
    public static RunData Results(IReadOnlyList<RuleInfo> rules, CheckOutcome outcome, DateTimeOffset started, DateTimeOffset finished, string? commit) => new()
    {
        ToolVersion = outcome.ToolVersion,
        StartedAt = started,
        FinishedAt = finished,
        GitCommit = commit,
        Rules = rules.Select(r => new ReportRule(r.Id, r.Title, Severity(r.Severity), r.File, r.Line)).ToArray(),
        Findings = outcome.Findings.Select(f => new ReportFinding(
            f.Finding.RuleId, Severity(f.Finding.Severity), f.Finding.Message, f.Finding.File, f.Finding.Line, f.Finding.Column,
            f.Finding.ClaimIds, f.Finding.SourceIds, f.Fingerprint)).ToArray(),
        Errors = outcome.InputErrors.Select(e => new ReportRunError(RunErrorKinds.InvalidInput, e.Message, null, e.Location.File, e.Location.Line, e.Location.Column))
            .Concat(outcome.RuleErrors.Select(e => new ReportRunError(
                e.Limit ? RunErrorKinds.Limit : RunErrorKinds.RuleError, e.Message, e.RuleId, e.FactFile, e.FactLine, e.FactColumn)))
            .ToArray(),
    };

    public static string Severity(RuleSeverity severity) => KebabCase.Of(severity);

    private static string? DateText(PartialDate? date, Dictionary<PartialDate, string>? texts)
    {
        if (date is not { } value) return null;
        if (texts is null) return value.ToString();
        if (!texts.TryGetValue(value, out var text)) texts[value] = text = value.ToString();
        return text;
    }

    /// <summary>One claim's rows in the report.</summary>
    private sealed record ClaimRows(ReportClaim Claim, ReportAppearance[] Appearances, ReportCitation[] Citations);

    /// <summary>What makes a claim a new version in the report's history: its content, not its position in the file.</summary>
    /// <remarks>
    /// The fields and their order are the digest's definition ("claim/2"): changing them makes every claim a new version.
    /// They are <c>"claim/2"</c>, statement, claimant name, kind and role, when made (text, date), then per stance
    /// <c>"{proposition}:{polarity}:{hedge}"</c>, per appearance <c>"{source}:{attribution}:{quote}:{attributed as}:{via}:{date texts joined by |}"</c>,
    /// per citation <c>"{source}:{as}"</c>; the builder writes the joined fields from their parts (a test holds it to the strings).
    /// </remarks>
    /// <param name="dateTexts">The text of each date met so far (many claims share a date; its text is several strings to build).</param>
    internal static string Digest(Claim c, ContentDigestBuilder digest, Dictionary<PartialDate, string>? dateTexts = null)
    {
        digest.Add("claim/2").Add(c.Statement).Add(c.Claimant.Name).Add(KebabCase.Of(c.Claimant.Kind)).Add(c.Claimant.Role)
            .Add(c.Made?.Text).Add(DateText(c.Made?.Date, dateTexts));
        foreach (var s in c.Stances) digest.AddJoined(':', s.Proposition.Id, KebabCase.Of(s.Polarity), s.Hedge);
        foreach (var a in c.Appearances)
        {
            var dates = a.Dates.Count switch
            {
                0 => null,
                1 => a.Dates[0].Text,
                _ => string.Join("|", a.Dates.Select(d => d.Text)),
            };
            digest.AddJoined(':', a.Source.Id, KebabCase.Of(a.Attribution), a.Quote, a.AttributedAs, a.Via, dates);
        }

        foreach (var x in c.Cites) digest.AddJoined(':', x.Source?.Id, x.As);
        return digest.Finish();
    }
}
