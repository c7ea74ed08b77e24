namespace FactCheck.Drafting.Text;

/// <summary>
/// A span between an opening and a closing quotation mark (both included in [Open, Close]). A quotation
/// that runs over several paragraphs is one span per paragraph: <see cref="ContinuedFrom"/> links a piece to
/// the one before, and a piece left open at its paragraph's end has <see cref="Close"/> at the last character.
/// </summary>
internal sealed record QuoteSpan(int Open, int Close, bool Closed, int Paragraph)
{
    public QuoteSpan? ContinuedFrom { get; init; }

    /// <summary>True when a later paragraph opens again with a quotation mark to continue this one.</summary>
    public bool Continues { get; set; }

    /// <summary>The words between the marks, as printed.</summary>
    public string Inner(string text) => text[(Open + 1)..(Closed ? Close : Close + 1)];
}
