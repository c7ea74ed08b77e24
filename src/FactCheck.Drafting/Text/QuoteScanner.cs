namespace FactCheck.Drafting.Text;

/// <summary>
/// Finds the outermost quoted spans of an article: curly and straight double quotes, guillemets, and single
/// quotes told apart from apostrophes by what surrounds them. Inner quotes stay part of the outer span's text.
/// A paragraph that ends inside a quotation and a next paragraph that opens with a quotation mark continue the
/// same quotation (the newspaper convention); otherwise an unclosed quotation ends with its paragraph.
/// </summary>
internal static class QuoteScanner
{
    private enum Mark
    {
        CurlyDouble,
        StraightDouble,
        Guillemet,
        CurlySingle,
        StraightSingle,
    }

    public static List<QuoteSpan> Scan(string text, IReadOnlyList<Paragraph> paragraphs)
    {
        var spans = new List<QuoteSpan>();
        QuoteSpan? pendingContinuation = null;
        var stack = new List<(Mark Mark, int Index)>();
        foreach (var p in paragraphs)
        {
            stack.Clear();
            var first = FirstNonSpace(text, p);
            var continuing = pendingContinuation is not null && first < p.End && IsOpeningDouble(text[first]);
            if (!continuing) pendingContinuation = null;

            for (var i = p.Start; i < p.End; i++)
            {
                var c = text[i];
                var prev = i > p.Start ? text[i - 1] : ' ';
                var next = i + 1 < p.End ? text[i + 1] : ' ';
                switch (c)
                {
                    case '“' or '„':
                        // German-style „...“ closes with “: treat “ as closing when a „ is open.
                        if (c == '“' && stack.Count > 0 && text[stack[^1].Index] == '„')
                        {
                            Close(stack.Count - 1, i);
                        }
                        else if (c == '“' && stack.Count > 0 && stack[^1].Mark == Mark.CurlyDouble && !char.IsWhiteSpace(prev) && char.IsWhiteSpace(next))
                        {
                            // A typo'd closing mark (“...compromise,“ she said): an opening mark after a word and before a space ends the quote.
                            Close(stack.Count - 1, i);
                        }
                        else
                        {
                            stack.Add((Mark.CurlyDouble, i));
                        }

                        break;
                    case '«':
                        stack.Add((Mark.Guillemet, i));
                        break;
                    case '”':
                        CloseLast(i, m => m is Mark.CurlyDouble or Mark.StraightDouble);
                        break;
                    case '»':
                        CloseLast(i, m => m == Mark.Guillemet);
                        break;
                    case '"':
                        var openStraight = stack.FindLastIndex(s => s.Mark == Mark.StraightDouble);
                        if (openStraight >= 0)
                        {
                            Close(openStraight, i);
                        }
                        else if (!char.IsWhiteSpace(next))
                        {
                            stack.Add((Mark.StraightDouble, i));
                        }

                        break;
                    case '‘':
                        if (!char.IsLetterOrDigit(prev) && !char.IsWhiteSpace(next)) stack.Add((Mark.CurlySingle, i));
                        break;
                    case '’':
                        if (stack.Count > 0 && stack[^1].Mark == Mark.CurlySingle && !char.IsLetter(next)) Close(stack.Count - 1, i);
                        break;
                    case '\'':
                        if (stack.Count > 0 && stack[^1].Mark == Mark.StraightSingle && !char.IsLetter(next) && !char.IsWhiteSpace(prev))
                        {
                            Close(stack.Count - 1, i);
                        }
                        else if (IsOpenContext(prev) && char.IsLetterOrDigit(next))
                        {
                            stack.Add((Mark.StraightSingle, i));
                        }

                        break;
                }
            }

            // An unclosed double quotation at the paragraph's end: continued if the next paragraph reopens it.
            var outer = stack.FindIndex(s => s.Mark is Mark.CurlyDouble or Mark.StraightDouble or Mark.Guillemet);
            pendingContinuation = null;
            if (outer >= 0 && stack.Count > 0)
            {
                var last = LastNonSpace(text, p);
                var span = new QuoteSpan(stack[outer].Index, last, false, p.Index) { ContinuedFrom = ContinuationOf(stack[outer].Index) };
                spans.Add(span);
                var nextPara = p.Index + 1 < paragraphs.Count ? paragraphs[p.Index + 1] : (Paragraph?)null;
                if (nextPara is { } np && FirstNonSpace(text, np) is var f && f < np.End && IsOpeningDouble(text[f]))
                {
                    span.Continues = true;
                    pendingContinuation = span;
                }
            }

            continue;

            QuoteSpan? ContinuationOf(int openIndex) =>
                continuing && openIndex == first ? spans.LastOrDefault(s => s.Continues) : null;

            void CloseLast(int at, Func<Mark, bool> kind)
            {
                var index = stack.FindLastIndex(s => kind(s.Mark));
                if (index >= 0) Close(index, at);
            }

            void Close(int index, int at)
            {
                var open = stack[index].Index;
                stack.RemoveRange(index, stack.Count - index);
                if (stack.Count == 0)
                {
                    spans.Add(new QuoteSpan(open, at, true, p.Index) { ContinuedFrom = ContinuationOf(open) });
                }
            }
        }

        return spans;
    }

    private static bool IsOpeningDouble(char c) => c is '“' or '"' or '«' or '„';

    private static bool IsOpenContext(char prev) =>
        char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or '/' or ':' or '“' or '"' or '‘' or '«';

    private static int FirstNonSpace(string text, Paragraph p)
    {
        var i = p.Start;
        while (i < p.End && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int LastNonSpace(string text, Paragraph p)
    {
        var i = p.End - 1;
        while (i > p.Start && char.IsWhiteSpace(text[i])) i--;
        return i;
    }
}
