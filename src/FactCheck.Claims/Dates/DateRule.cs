using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>
/// One recognised form. <see cref="Resolve"/> gets the match, the reference day (null when none was given)
/// and the direction; it must be pure, because the resolver evaluates it at both ends of a coarse reference
/// and in both directions when the sentence's tense is mixed, and only accepts an answer they all agree on.
/// </summary>
internal sealed record DateRule(
    string Name,
    Regex Pattern,
    Func<Match, DateOnly?, TenseDirection, RuleOutcome> Resolve);
