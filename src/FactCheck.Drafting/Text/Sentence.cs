namespace FactCheck.Drafting.Text;

/// <summary>A sentence of an article (quotations inside it never split it), with its tokens and quoted spans.</summary>
internal sealed record Sentence(int Index, int Paragraph, int Start, int End, IReadOnlyList<Token> Tokens, IReadOnlyList<QuoteSpan> Quotes)
{
    /// <summary>A line with no closing punctuation: a headline, a caption credit, page furniture.</summary>
    public bool IsHeadingLike { get; init; }

    public bool IsFirstInParagraph { get; init; }

    public string Text(string article) => article[Start..End];
}
