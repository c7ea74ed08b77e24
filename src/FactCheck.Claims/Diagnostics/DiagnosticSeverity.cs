namespace FactCheck.Claims.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
