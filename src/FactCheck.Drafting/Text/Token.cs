namespace FactCheck.Drafting.Text;

internal enum TokenKind
{
    Word,
    Punct,

    /// <summary>A whole quoted span, seen from outside as one token.</summary>
    Quote,
}

/// <summary>A word, a punctuation mark or a quoted span, with its position in the article's text.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Start, int End)
{
    public QuoteSpan? Quote { get; init; }

    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCapitalised => Kind == TokenKind.Word && Text.Length > 0 && (char.IsUpper(Text[0]) || char.IsDigit(Text[0]));

    public bool Is(string lower) => Kind != TokenKind.Quote && Lower == lower;

    public override string ToString() => Text;
}
