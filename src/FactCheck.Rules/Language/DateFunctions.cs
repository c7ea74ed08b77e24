using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;

namespace FactCheck.Rules.Language;

/// <summary>
/// The date resolver's checks for rule expressions. Dates are ISO strings in facts (<c>2023-06</c>); a
/// value that does not parse is treated as unknown, never as a date.
/// </summary>
public static class DateFunctions
{
    /// <summary><c>fits</c>, <c>does-not-fit</c> or <c>unknown</c>: does <paramref name="claimed"/> fit the expression read against <paramref name="reference"/>?</summary>
    public static string DateFits(string? expression, string? claimed, string? reference)
    {
        if (expression is null || Parse(claimed) is not { } date) return "unknown";
        return KebabCase.Of(DateChecks.Fits(expression, date, Parse(reference)).Outcome);
    }

    /// <summary>The date an expression stands for ("in June" read against 2023-11-08 is 2023-06), or null.</summary>
    public static string? ResolveDate(string? expression, string? reference)
    {
        var resolution = DateResolver.Resolve(expression, Parse(reference));
        return resolution.IsResolved ? resolution.Value?.ToString() ?? resolution.Span?.ToString() : null;
    }

    /// <summary>True when all of <paramref name="a"/> lies after <paramref name="b"/>; false when not; null when they overlap or either is unknown.</summary>
    public static bool? IsAfter(string? a, string? b) =>
        Parse(a) is { } x && Parse(b) is { } y ? DateChecks.IsAfter(x, y) : null;

    /// <summary>True when the two dates could denote the same time (2023 and 2023-06 are compatible); null when either is unknown.</summary>
    public static bool? SameDate(string? a, string? b) =>
        Parse(a) is { } x && Parse(b) is { } y ? x.IsCompatibleWith(y) : null;

    public static long? Year(string? date) => Parse(date)?.Year;

    /// <summary>
    /// True when the expression means different days read against different dates ("on Wednesday",
    /// "last month"), false for absolute ones ("June 25, 2016") and for what does not resolve at all.
    /// </summary>
    public static bool IsRelative(string? expression)
    {
        if (expression is null) return false;
        var early = DateResolver.Resolve(expression, PartialDate.OfDay(2000, 1, 15));
        var late = DateResolver.Resolve(expression, PartialDate.OfDay(2010, 7, 21));
        return early.IsResolved && late.IsResolved && early.Span != late.Span;
    }

    private static PartialDate? Parse(string? text) =>
        text is not null && PartialDate.TryParse(text, out var date, out _) ? date : null;
}
