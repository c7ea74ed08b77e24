using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// What the formats a person reads (text, github) show. Display only: the report, JSON and SARIF always
/// hold every finding, whatever these say.
/// </summary>
/// <param name="Color">Colour severities with ANSI escapes (see <see cref="ColorChoice"/> for when).</param>
/// <param name="MinSeverity">Findings below it are counted, not listed (those that fail the run are always listed).</param>
/// <param name="Quiet">One line per finding and nothing else: no headings, summaries or hints.</param>
/// <param name="Statistics">Counts per rule instead of the findings themselves.</param>
public sealed record TextOutputOptions(bool Color, RuleSeverity MinSeverity = RuleSeverity.Info, bool Quiet = false, bool Statistics = false)
{
    /// <summary>Every finding, no colour: what tests and files want.</summary>
    public static readonly TextOutputOptions Plain = new(Color: false);

    /// <summary>The command line's default: errors and warnings listed, info counted.</summary>
    public static readonly RuleSeverity DefaultMinSeverity = RuleSeverity.Warning;
}
