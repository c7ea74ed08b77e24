using FactCheck.Claims.Model;

namespace FactCheck.Claims.Diagnostics;

/// <summary>A problem in an input file, pointed at precisely, with what to do about it.</summary>
/// <param name="Code">A stable identifier of the kind of problem (e.g. <c>unknown-key</c>), for tests and tooling.</param>
/// <param name="Help">How to fix it, when there is more to say than the message.</param>
public sealed record Diagnostic(
    Location Location,
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? Help = null)
{
    public static Diagnostic Error(Location location, string code, string message, string? help = null) =>
        new(location, DiagnosticSeverity.Error, code, message, help);

    /// <summary>Sorts diagnostics by file, line and column so output is stable across runs.</summary>
    public static IComparer<Diagnostic> ByPosition { get; } = Comparer<Diagnostic>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (c == 0) c = a.Location.Line.CompareTo(b.Location.Line);
        if (c == 0) c = a.Location.Column.CompareTo(b.Location.Column);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        return c;
    });

    /// <summary>The compiler-style line editors and CI annotations understand: <c>file:line:col: error: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Help is null
            ? $"{Location}: {severity}: {Message}"
            : $"{Location}: {severity}: {Message} ({Help})";
    }
}
