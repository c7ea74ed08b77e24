namespace FactCheck.Drafting.Text;

/// <summary>One non-empty line of an article's text: news captures print one paragraph a line.</summary>
internal readonly record struct Paragraph(int Index, int Start, int End)
{
    public int Length => End - Start;
}
