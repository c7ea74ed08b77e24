using System.Text.RegularExpressions;

namespace FactCheck.Drafting.Text;

/// <summary>An article's text cut into paragraphs, quoted spans and sentences, all as offsets into the text as given.</summary>
internal sealed partial class Article
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "gen", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
        "no", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m",
        "p.m", "etc", "vs", "inc", "corp", "co", "ltd", "adm", "cmdr", "gen.", "pres", "vol", "approx", "est",
    };

    public string Text { get; }

    public IReadOnlyList<Paragraph> Paragraphs { get; }

    public IReadOnlyList<QuoteSpan> Quotes { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public Article(string text)
    {
        Text = text;
        Paragraphs = SplitParagraphs(text);
        Quotes = QuoteScanner.Scan(text, Paragraphs);
        Sentences = SplitSentences();
    }

    private static List<Paragraph> SplitParagraphs(string text)
    {
        var list = new List<Paragraph>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r') continue;
            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) list.Add(new Paragraph(list.Count, s, e));
            start = i + 1;
        }

        return list;
    }

    private List<Sentence> SplitSentences()
    {
        var sentences = new List<Sentence>();
        var quoteIndex = 0;
        foreach (var p in Paragraphs)
        {
            var paraQuotes = new List<QuoteSpan>();
            while (quoteIndex < Quotes.Count && Quotes[quoteIndex].Paragraph == p.Index) paraQuotes.Add(Quotes[quoteIndex++]);
            var start = p.Start;
            var first = true;
            for (var i = p.Start; i < p.End; i++)
            {
                var c = Text[i];
                if (c is not ('.' or '!' or '?')) continue;
                // Never inside a quotation, except at its very end: “... final.” Association chairman ... starts a sentence.
                if (paraQuotes.Any(q => q.Open < i && i < q.Close && !(q.Closed && i + 1 == q.Close))) continue;
                var after = i + 1;
                while (after < p.End && Text[after] is '”' or '"' or '’' or '\'' or ')' or '»') after++;
                if (after >= p.End) continue;
                if (!char.IsWhiteSpace(Text[after])) continue;
                var next = after;
                while (next < p.End && char.IsWhiteSpace(Text[next])) next++;
                if (next >= p.End) continue;
                var n = Text[next];
                if (!(char.IsUpper(n) || char.IsDigit(n) || n is '“' or '"' or '‘' or '\'' or '«' or '(')) continue;
                if (c == '.' && IsAbbreviation(start, i)) continue;
                sentences.Add(Build(sentences.Count, p, start, after, paraQuotes, first));
                first = false;
                start = next;
                i = next - 1;
            }

            if (start < p.End) sentences.Add(Build(sentences.Count, p, start, p.End, paraQuotes, first));
        }

        return sentences;
    }

    private bool IsAbbreviation(int sentenceStart, int dot)
    {
        var s = dot;
        while (s > sentenceStart && (char.IsLetter(Text[s - 1]) || Text[s - 1] == '.')) s--;
        var word = Text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word);
    }

    private Sentence Build(int index, Paragraph p, int start, int end, List<QuoteSpan> paraQuotes, bool first)
    {
        var quotes = paraQuotes.Where(q => q.Open >= start && q.Open < end).ToList();
        var tokens = Tokenize(start, end, quotes);
        var last = Text[end - 1];
        var headingLike = !(last is '.' or '!' or '?' or '”' or '"' or '’' or '\'' or ':' or ')' or '»');
        return new Sentence(index, p.Index, start, end, tokens, quotes) { IsHeadingLike = headingLike, IsFirstInParagraph = first };
    }

    [GeneratedRegex(@"\G(?:(?<w>(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:['’\-‑][\p{L}\p{N}]+)*\.?)|(?<s>\s+)|(?<p>.))", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private List<Token> Tokenize(int start, int end, List<QuoteSpan> quotes)
    {
        var tokens = new List<Token>();
        var i = start;
        var q = 0;
        while (i < end)
        {
            if (q < quotes.Count && quotes[q].Open == i)
            {
                var span = quotes[q++];
                var close = Math.Min(span.Close + 1, end);
                tokens.Add(new Token(TokenKind.Quote, Text[i..close], i, close) { Quote = span });
                i = close;
                continue;
            }

            var limit = q < quotes.Count ? quotes[q].Open : end;
            var m = TokenPattern().Match(Text[..limit], i);
            if (!m.Success || m.Length == 0)
            {
                i++;
                continue;
            }

            if (m.Groups["w"].Success)
            {
                var w = m.Value;

                // A trailing full stop belongs to the word only for abbreviations ("Gen.", "U.S.").
                if (w.EndsWith('.') && !(w.Length > 1 && Abbreviations.Contains(w[..^1])) && !Regex.IsMatch(w, @"^(?:[A-Z]\.){2,}$"))
                {
                    tokens.Add(new Token(TokenKind.Word, w[..^1], i, i + w.Length - 1));
                    tokens.Add(new Token(TokenKind.Punct, ".", i + w.Length - 1, i + w.Length));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Word, w, i, i + w.Length));
                }
            }
            else if (m.Groups["p"].Success)
            {
                tokens.Add(new Token(TokenKind.Punct, m.Value, i, i + m.Length));
            }

            i += m.Length;
        }

        return tokens;
    }
}
