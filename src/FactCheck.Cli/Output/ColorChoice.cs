namespace FactCheck.Cli.Output;

/// <summary>
/// Whether to colour: <c>--no-color</c> never; else <c>FORCE_COLOR</c> (set, not empty, not <c>0</c>) always,
/// even into a pipe (CI logs render colour); else <c>NO_COLOR</c> (set, not empty: no-color.org) never; else
/// only on a terminal. A file given with <c>--output</c> is never coloured.
/// </summary>
internal static class ColorChoice
{
    public static bool Decide(bool noColorFlag, bool toFile, bool isTerminal, Func<string, string?> environment)
    {
        if (noColorFlag || toFile) return false;
        var force = environment("FORCE_COLOR");
        if (!string.IsNullOrEmpty(force)) return force != "0" && !force.Equals("false", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(environment("NO_COLOR"))) return false;
        return isTerminal;
    }
}
