namespace FactCheck.Claims.Loading;

/// <summary>
/// YamlDotNet's scanner explains a syntax error in the words of the YAML specification ("While scanning a plain scalar
/// value, found invalid mapping"). Editors are not YAML lawyers: the mistakes they make in claims files get what went
/// wrong in their words and how to fix it; any other message is passed on as it is, with the general advice.
/// </summary>
internal static class YamlSyntaxErrors
{
    /// <summary>The advice for a syntax error without a more specific one.</summary>
    public const string GeneralHelp = "fix the YAML syntax here; the rest of this file was not read";

    /// <summary>What a tab in the indentation is called: its diagnostics are placed at the tab (<see cref="YamlTreeReader"/>).</summary>
    public const string TabMessage = "YAML syntax error: a tab in the indentation";

    private const string NotRead = "; the rest of this file was not read";

    private static readonly (string Contains, string Message, string Help)[] Known =
    [
        (
            "found invalid mapping",
            "a ': ' inside a value that is not in quotes, or a line indented further than the key above it",
            "put the whole value in double quotes (\"...\"), or line the key up with the keys around it" + NotRead),
        (
            "quoted scalar, found unexpected end of stream",
            "a quoted value is never closed",
            "add the closing quote mark, writing a quote mark inside \"...\" as \\\" and an apostrophe inside '...' twice: 'it''s'" + NotRead),
        (
            "found unknown escape character",
            "a backslash in a \"...\" value starts an escape YAML does not know",
            "write a backslash as \\\\, or put the value in single quotes ('...'), where a backslash is just a backslash" + NotRead),
        (
            "multi-line double-quoted scalar, found wrong indentation",
            "a quoted value is not closed on its line, and the next line is not indented to go on with it",
            "add the closing quote mark, writing a quote mark inside \"...\" as \\\"; or indent the value's next lines further than its key" + NotRead),
        (
            // "found invalid tab as indentation", "found a tab character that violate indentation".
            " tab ",
            TabMessage["YAML syntax error: ".Length..],
            "indent with spaces only" + NotRead),
        (
            "found character that cannot start any token",
            "a value cannot start with '@', '`' or '%'",
            "put the value in double quotes (\"...\")" + NotRead),
        (
            "While scanning an anchor or alias",
            "a value cannot start with '&' or '*' (YAML reads an anchor or an alias)",
            "put the value in double quotes (\"...\")" + NotRead),
        (
            "While scanning a tag",
            "a value cannot start with '!' (YAML reads a tag)",
            "put the value in double quotes (\"...\")" + NotRead),
    ];

    /// <summary>What is said of text after a quoted value's closing quote mark on its line (<c>"no" he said</c>).</summary>
    public static (string Message, string Help) AfterClosingQuote(bool doubleQuoted) => (
        "text after the closing quote mark of a quoted value",
        (doubleQuoted
            ? "put the whole value in quotes, writing the quote marks inside it as \\\", or use single quotes outside: '\"no\" he said'"
            : "put the whole value in quotes, writing an apostrophe inside '...' twice: 'it''s'") + NotRead);

    /// <summary>The message and advice for the scanner's <paramref name="message"/> (its position already removed).</summary>
    public static (string Message, string Help) Explain(string message)
    {
        foreach (var (contains, text, help) in Known)
        {
            if (message.Contains(contains, StringComparison.Ordinal)) return (text, help);
        }

        return (message, GeneralHelp);
    }
}
