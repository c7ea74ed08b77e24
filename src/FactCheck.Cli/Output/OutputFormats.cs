namespace FactCheck.Cli.Output;

/// <summary>The output formats of <c>factcheck check</c>, by the name <c>--format</c> takes.</summary>
public static class OutputFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";

    public static IReadOnlyList<string> Names { get; } = [Text, Json, Sarif, GitHub];

    /// <summary>The formatter for <paramref name="format"/>; text prints every finding, without colour.</summary>
    public static IOutputFormatter Create(string format) => Create(format, TextOutputOptions.Plain);

    public static IOutputFormatter Create(string format, bool color) => Create(format, new TextOutputOptions(color));

    /// <param name="textOptions">What text and github show; json and sarif always hold every finding.</param>
    /// <exception cref="ArgumentException">An unknown format name.</exception>
    public static IOutputFormatter Create(string format, TextOutputOptions textOptions)
    {
        ArgumentNullException.ThrowIfNull(textOptions);
        return format switch
        {
            Text => new TextFormatter(textOptions),
            Json => new JsonFormatter(),
            Sarif => new SarifFormatter(),
            GitHub => new GitHubFormatter(textOptions),
            _ => throw new ArgumentException($"unknown output format '{format}'; expected one of {string.Join(", ", Names)}", nameof(format)),
        };
    }
}
