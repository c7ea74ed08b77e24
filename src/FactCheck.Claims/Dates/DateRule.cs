using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>
/// One recognised form. <see cref="Resolve"/> gets the match, the reference day (null when none was given)
/// and the direction; it must be pure, because the resolver evaluates it at both ends of a coarse reference
/// and in both directions when the clause's tense is open, and only accepts an answer they all agree on.
/// </summary>
internal sealed record DateRule(
    string Name,
    Regex Pattern,
    Func<Match, DateOnly?, TenseDirection, RuleOutcome> Resolve,
    RuleTraits Traits = RuleTraits.None);

/// <summary>How the resolver treats a rule's matches beyond the rule's own reading.</summary>
[Flags]
internal enum RuleTraits
{
    None = 0,

    /// <summary>
    /// Without any tense in the sentence, past and future readings are weighed: the past one is taken when it
    /// lies within half a year of the reference, else the expression is declined ("Dec. 25" in November).
    /// Rules without this trait read an untensed sentence as past (weekdays: "Monday's attack").
    /// </summary>
    NearestWithoutTense = 1,

    /// <summary>A span written as a range ("Jan-Feb 2017", "from 2014 to 2022"): "from" and "between" are part of it, not bounds.</summary>
    Range = 2,

    /// <summary>The form has no year of its own: a year written right after it that the pattern did not read makes it decline.</summary>
    GuardsYear = 4,

    /// <summary>The rule only recognises a form in order to decline it (anaphora, recurring sets).</summary>
    Declines = 8,
}
