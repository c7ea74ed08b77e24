using System.Security.Cryptography;
using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;
using FactCheck.Cli.Output;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Tests.Output;

/// <summary>Hand-built outcomes covering every part a formatter prints.</summary>
internal static class Samples
{
    public const string Version = "0.1.0";

    public static readonly RuleInfo DateRule = new(
        "claim-date-after-publication",
        "Claim dated after its publication",
        RuleSeverity.Error,
        "A claim cannot describe an event dated after the article that reports it was published.",
        "Check the date in the claim against the article; correct whichever is wrong.",
        ["dates", "consistency", "dates"],
        0,
        "rules/dates.yaml",
        3,
        3);

    public static readonly RuleInfo QuoteRule = new(
        "quote-without-source",
        "Quote without a source",
        RuleSeverity.Warning,
        "Every quotation should name who said it.",
        null,
        ["sources"],
        0,
        "rules/sources.yaml",
        1,
        3);

    public static readonly RuleInfo SingleSourceRule = new(
        "single-source",
        "Claim rests on one source",
        RuleSeverity.Info,
        string.Empty,
        null,
        [],
        0,
        "rules/sources.yaml",
        20,
        3);

    public static IReadOnlyList<RuleInfo> Rules { get; } = [DateRule, QuoteRule, SingleSourceRule];

    /// <summary>Findings of every severity in two files, one without a position; exit 1 on the error.</summary>
    public static CheckOutcome Findings() => new(
        Version,
        Rules,
        [
            Checked(DateFinding(), isNew: true, failOn: RuleSeverity.Error),
            Checked(QuoteFinding(), isNew: true, failOn: RuleSeverity.Error),
            Checked(UnplacedFinding(), isNew: true, failOn: RuleSeverity.Error),
            Checked(SingleSourceFinding(), isNew: true, failOn: RuleSeverity.Error),
        ],
        [Checked(SuppressedFinding(), isNew: true, failOn: null)],
        [],
        [],
        28,
        4,
        RuleSeverity.Error,
        HasBaseline: false,
        ExitCode: ExitCodes.Findings);

    /// <summary>Against a baseline that knows two findings, with --fail-on warning and two rule errors: exit 2.</summary>
    public static CheckOutcome Baseline() => new(
        Version,
        Rules,
        [
            Checked(DateFinding(), isNew: false, failOn: RuleSeverity.Warning),
            Checked(QuoteFinding(), isNew: true, failOn: RuleSeverity.Warning),
            Checked(SingleSourceFinding(), isNew: false, failOn: RuleSeverity.Warning),
        ],
        [Checked(SuppressedFinding(), isNew: false, failOn: null)],
        [],
        [
            new RuleError("quote-without-source", "rules/sources.yaml", 1, 3, "arithmetic overflow in count(appearances)", null, 0, 0, []),
            new RuleError(
                "single-source", "rules/sources.yaml", 20, 3, "the regular expression timed out after 1s on 'text'",
                "claims/rewrite.yaml", 15, 5, ["claim:r-04"]),
        ],
        28,
        4,
        RuleSeverity.Warning,
        HasBaseline: true,
        ExitCode: ExitCodes.InvalidInput);

    /// <summary>Claims and rules that did not load: no rule ran, exit 2.</summary>
    public static CheckOutcome InvalidInput() => new(
        Version,
        Rules,
        [],
        [],
        [
            Diagnostic.Error(new Location("claims/euronews.yaml", 7, 9), "unknown-key", "unknown key 'dat' in a claim", "did you mean 'date'?"),
            Diagnostic.Error(new Location("rules", 0, 0), "unknown-rule", "--rule names 'nope', which no rule file defines"),
        ],
        [],
        28,
        4,
        RuleSeverity.Error,
        HasBaseline: false,
        ExitCode: ExitCodes.InvalidInput);

    /// <summary>Nothing found: exit 0.</summary>
    public static CheckOutcome Clean() => new(Version, Rules, [], [], [], [], 28, 4, null, HasBaseline: false, ExitCode: ExitCodes.Success);

    public static IReadOnlyDictionary<string, Func<CheckOutcome>> All { get; } = new Dictionary<string, Func<CheckOutcome>>
    {
        ["findings"] = Findings,
        ["baseline"] = Baseline,
        ["invalid-input"] = InvalidInput,
        ["clean"] = Clean,
    };

    public static Finding DateFinding() => new(
        DateRule.Id, RuleSeverity.Error,
        "Claim c-03 is dated 2024-05-02, after the article was published on 2024-05-01",
        "claims/euronews.yaml", 12, 5,
        ["claim:c-03", "source:euronews"], ["c-03"], ["euronews"]);

    /// <summary>Quotes, a percent sign, a comma and a colon: everything the formats must escape.</summary>
    public static Finding QuoteFinding() => new(
        QuoteRule.Id, RuleSeverity.Warning,
        "Quote \"50%, maybe more: 60%\" in claim c-07 names no speaker",
        "claims/euronews.yaml", 30, 7,
        ["appearance:c-07@euronews", "claim:c-07"], ["c-07"], ["euronews"]);

    public static Finding UnplacedFinding() => new(
        SingleSourceRule.Id, RuleSeverity.Info,
        "The rewrite cites a single source overall",
        "claims/rewrite.yaml", 0, 0,
        ["source:rewrite"], [], ["rewrite"]);

    public static Finding SingleSourceFinding() => new(
        SingleSourceRule.Id, RuleSeverity.Info,
        "Claim r-01 rests on one source (euronews)",
        "claims/rewrite.yaml", 4, 3,
        ["claim:r-01"], ["r-01"], ["euronews"]);

    public static Finding SuppressedFinding() => new(
        QuoteRule.Id, RuleSeverity.Warning,
        "Quote in claim r-02 names no speaker",
        "claims/rewrite.yaml", 9, 3,
        ["claim:r-02"], ["r-02"], ["rewrite"]);

    public static CheckedFinding Checked(Finding finding, bool isNew, RuleSeverity? failOn) =>
        new(finding, FingerprintOf(finding), isNew, isNew && failOn is { } threshold && finding.Severity >= threshold);

    /// <summary>A stand-in for the report's fingerprint: stable, 64 hex digits, derived from rule and facts.</summary>
    private static string FingerprintOf(Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(finding.RuleId + "\n" + string.Join("\n", finding.FactKeys))));

    public static string Write(IOutputFormatter formatter, CheckOutcome outcome)
    {
        using var writer = new StringWriter { NewLine = "\r\n" };
        formatter.Write(outcome, writer);
        return writer.ToString();
    }
}
