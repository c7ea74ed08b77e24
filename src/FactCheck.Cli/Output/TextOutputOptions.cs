namespace FactCheck.Cli.Output;

/// <summary>How the text format prints.</summary>
/// <param name="Color">Colour severities with ANSI escapes: only for a terminal, never when NO_COLOR is set or output goes to a file.</param>
public sealed record TextOutputOptions(bool Color)
{
    public static readonly TextOutputOptions Plain = new(Color: false);
}
