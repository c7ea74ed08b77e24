namespace FactCheck.Rules.Expressions;

/// <summary>
/// Expression text and where its first character sits in the YAML file (1-based line and column).
/// For multi-line block scalars YAML strips the indentation, so characters on continuation lines are
/// reported at column <c>ContinuationIndent + 1 + offset-in-line</c>.
/// </summary>
public sealed record ExpressionSource(string Text, int Line = 1, int Column = 1, int ContinuationIndent = 0)
{
    internal (int Line, int Column) PositionOf(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        int line = Line, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return line == Line ? (line, Column + offset) : (line, ContinuationIndent + 1 + (offset - lineStart));
    }

    /// <summary>The part of this text from <paramref name="start"/> to <paramref name="end"/>, positioned correctly.</summary>
    internal ExpressionSource Slice(int start, int end)
    {
        var (line, column) = PositionOf(start);
        return new ExpressionSource(Text[start..end], line, column, ContinuationIndent);
    }
}
