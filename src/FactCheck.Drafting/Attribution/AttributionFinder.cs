using System.Text.RegularExpressions;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Attribution;

/// <summary>
/// Reads each sentence of an article for quoted words, reported speech and the outlet's own assertions, and for
/// each finds the speaker, the attribution phrase as printed and the circumstances the sentence gives.
/// </summary>
internal sealed partial class AttributionFinder
{
    private static readonly HashSet<string> Participles = new(StringComparer.OrdinalIgnoreCase)
    {
        "saying", "adding", "insisting", "warning", "noting", "arguing", "stressing", "claiming", "declaring", "explaining", "telling",
        "calling", "describing", "branding", "dubbing",
    };

    private static readonly HashSet<string> DocumentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "found", "finds", "showed", "shows", "estimated", "estimates", "concluded", "concludes",
    };

    private static readonly HashSet<string> OccasionTriggers = new(StringComparer.OrdinalIgnoreCase)
    {
        "receiving", "received", "meeting", "met", "welcoming", "welcomed", "hosting", "hosted", "visiting", "addressing",
        "during", "while", "after", "before", "ahead", "at",
    };

    private static readonly HashSet<string> IntroWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "earlier", "later", "speaking", "while", "after", "before", "during", "but", "and", "meanwhile", "also",
        "separately", "asked", "yesterday", "today", "however", "addressing", "writing",
    };

    private readonly Article _article;
    private readonly PersonRegistry _registry;
    private readonly string _outlet;
    private readonly Dictionary<QuoteSpan, Utterance> _byQuote = [];
    private Utterance? _lastSpoken;
    private Utterance? _introducer;
    private (Person Person, int Offset)? _lastSubject;

    public AttributionFinder(Article article, PersonRegistry registry, string outlet)
    {
        _article = article;
        _registry = registry;
        _outlet = outlet;
    }

    private string Text => _article.Text;

    public List<Utterance> Find()
    {
        var found = new List<Utterance>();
        Utterance? turn = null;
        Utterance? block = null;
        foreach (var sentence in _article.Sentences)
        {
            // Paragraphs printed without quotation marks after "Fighting back tears, she said:" (a block quotation whose
            // markup the copy lost): each paragraph is the speaker's, until one names the speaker or quotes someone.
            if (sentence.IsFirstInParagraph)
            {
                var opener = block ?? (_introducer is { } pending && pending.Sentence.Paragraph == sentence.Paragraph - 1
                    && pending.SpeakerKind == ClaimantKind.Person ? pending : null);
                block = opener is not null && ContinuesBlock(sentence.Paragraph, opener, started: block is not null) ? opener : null;
                if (block is not null)
                {
                    var paragraph = _article.Paragraphs[sentence.Paragraph];
                    var u = new Utterance(sentence, AttributionKind.DirectQuote) { Offset = sentence.Start, Quote = TrimEnd(Text[sentence.Start..paragraph.End]) };
                    CopySpeaker(u, block);
                    u.AttributedAs = block.AttributedAs;
                    u.Guesses.Add($"printed without quotation marks after \"{block.AttributedAs}:\"; read as {block.SpeakerName}'s words (a block quotation)");
                    found.Add(u);
                    _lastSpoken = u;
                    _introducer = null;
                }
            }

            if (block is not null) continue;

            // A transcript's turn ("SHOIGU: ...", "Minister Halvorsen: ..."): every sentence of the paragraph is the speaker's.
            if (sentence.IsFirstInParagraph) turn = SpeakerLabel(sentence);
            if (turn is not null)
            {
                if (sentence.IsFirstInParagraph) found.Add(turn);
                else turn.Quote = TrimEnd(Text[turn.Offset..sentence.End]);
                continue;
            }

            var quotes = Enumerable.Range(0, sentence.Tokens.Count).Where(i => sentence.Tokens[i].Kind == TokenKind.Quote).ToList();
            if (quotes.Count > 0)
            {
                foreach (var group in Group(sentence, quotes))
                {
                    var u = FromQuotes(sentence, group.Quotes, group.BrokenVerb);
                    if (u is not null) found.Add(u);
                }
            }
            else if (Introducer(sentence) is { } intro)
            {
                _introducer = intro;

                // "Prime Minister May confirmed that she would be leaving office on 6 June 2019:" also reports what was said.
                if (intro.Kind != AttributionKind.Reported && HasContentClause(sentence) && FromParaphrase(sentence) is { } reported) found.Add(reported);
            }
            else if (FromParaphrase(sentence) is { } paraphrase)
            {
                found.Add(paraphrase);
            }
            else if (FromAssertion(sentence) is { } assertion)
            {
                found.Add(assertion);
            }

            if (SubjectBefore(sentence, sentence.End) is { } subject) _lastSubject = (subject, sentence.Start);
        }

        // A caption or a quotation printed twice is one appearance.
        return found
            .GroupBy(u => (Normalise(u.Quote), u.SpeakerName, u.Kind))
            .Select(g => g.First())
            .Where(u => u.Quote.Length > 0)
            .OrderBy(u => u.Offset)
            .ToList();
    }

    private static string Normalise(string s) => WhiteSpace().Replace(s, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<name>(?:[A-Z][A-Z.'’\-]+)(?: [A-Z][A-Z.'’\-]+){0,3}|(?:[A-Z][a-z.'’\-]+)(?: [A-Z][a-z.'’\-]+){0,3})(?: \((?<role>[^)]{1,60})\))?:\s+(?=\S)")]
    private static partial Regex TurnLabel();

    /// <summary>Labels that open a turn but are not a speaker to record (the questioner, the transcript's own notes).</summary>
    private static readonly HashSet<string> NotSpeakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "q", "question", "questioner", "reporter", "journalist", "moderator", "interviewer", "host", "note", "editor's note", "update",
        "photo", "video", "watch", "read more", "related", "source", "sources", "correction", "file", "live", "transcript", "updated",
        "breaking", "analysis", "opinion", "comment", "editorial", "summary", "background", "context", "timeline", "factbox",
    };

    private Utterance? SpeakerLabel(Sentence s)
    {
        var text = Text[s.Start..Math.Min(Text.Length, s.Start + 120)];
        var m = TurnLabel().Match(text);
        if (!m.Success) return null;
        var label = m.Groups["name"].Value;
        if (NotSpeakers.Contains(label) || Lexicon.NotNames.Contains(label.ToLowerInvariant())) return null;

        // All-capitals labels are names as transcripts print them: "HALVORSEN" is the Halvorsen named elsewhere.
        var printed = label.Any(char.IsLower) ? label : string.Join(' ', label.Split(' ').Select(w => w.Length > 1 ? w[0] + w[1..].ToLowerInvariant() : w));
        var words = printed.Split(' ');
        var role = m.Groups["role"].Success ? m.Groups["role"].Value : null;
        var nameWords = words.SkipWhile(w => Lexicon.TitleWords.Contains(w.ToLowerInvariant()) || Lexicon.Nationalities.ContainsKey(w.ToLowerInvariant())).ToArray();
        if (nameWords.Length < words.Length) role ??= string.Join(' ', words.Take(words.Length - nameWords.Length));
        if (nameWords.Length == 0) return null;
        var u = new Utterance(s, AttributionKind.DirectQuote) { Offset = s.Start + m.Length, AttributedAs = m.Value.TrimEnd().TrimEnd(':') };
        u.Quote = TrimEnd(Text[u.Offset..s.End]);
        var name = string.Join(' ', nameWords);
        var person = _registry.Find(name) ?? _registry.See(name, s.Start);
        u.SpeakerName = person.Name;
        u.SpeakerKind = ClaimantKind.Person;
        u.ClaimantRole = person.MainRole ?? role;
        u.SpeakerRole = role;
        if (!string.Equals(person.Name, label, StringComparison.Ordinal)) u.Guesses.Add($"the transcript's label \"{label}\" read as {person.Name}");
        _lastSpoken = u;
        return u;
    }

    // ---- grouping quotations --------------------------------------------------------------------------------

    private sealed record QuoteGroup(List<int> Quotes, int? BrokenVerb);

    private static List<QuoteGroup> Group(Sentence s, List<int> quotes)
    {
        var t = s.Tokens;
        var groups = new List<QuoteGroup> { new([quotes[0]], null) };
        for (var k = 1; k < quotes.Count; k++)
        {
            var from = quotes[k - 1] + 1;
            var to = quotes[k];
            var gap = t.Skip(from).Take(to - from).ToList();
            var verbAt = Enumerable.Range(from, to - from).Where(i => IsSpeechVerb(t, i)).Cast<int?>().FirstOrDefault();
            var current = groups[^1];
            // A speaker must stand in the gap: “fake news,” saying “the press ...” is two quotations, the second introduced by a participle.
            if (verbAt is { } v && gap.Count <= 7 && current.BrokenVerb is null && gap.All(g => !g.IsWord || IsPhraseWord(g) || g.Index(t) == v || Lexicon.VerbModifiers.Contains(g.Lower))
                && gap.Any(g => g.IsWord && g.Index(t) != v && IsPhraseWord(g)))
            {
                // “We see all this,” he said, “and we react.”: one quotation broken by its attribution.
                current.Quotes.Add(to);
                groups[^1] = current with { BrokenVerb = v };
                continue;
            }

            var splits = verbAt is not null || gap.Any(g => g.Text == ";")
                || Enumerable.Range(0, Math.Max(0, gap.Count - 1)).Any(i => gap[i].Is("and") && (gap[i + 1].Is("that") || gap[i + 1].IsCapitalised));
            if (splits) groups.Add(new QuoteGroup([to], null));
            else current.Quotes.Add(to);
        }

        return groups;
    }

    private static bool IsPhraseWord(Token t) =>
        t.IsCapitalised || Lexicon.Pronouns.Contains(t.Lower) || Lexicon.Determiners.Contains(t.Lower) || Lexicon.TitleWords.Contains(t.Lower)
        || NounPhrases.IsPossessive(t);

    private static bool IsSpeechVerb(IReadOnlyList<Token> t, int i)
    {
        var w = t[i];
        if (!w.IsWord || !Lexicon.SpeechVerbs.Contains(w.Lower)) return false;
        var next = i + 1 < t.Count ? t[i + 1] : null;
        var prev = i > 0 ? t[i - 1] : null;
        if (w.Lower is "calling" or "called" && next?.Lower is "off" or "in" or "up" or "back") return false;
        if (w.Lower is "spoke" or "speaks" && !(next?.Lower is "to" or "with" or "about" or "of")) return false;
        if (prev?.Lower is "was" or "were" or "is" or "are" or "be" or "been" or "being" && w.Lower is not ("saying")) return false;
        return true;
    }

    // ---- quotations -----------------------------------------------------------------------------------------

    private Utterance? FromQuotes(Sentence s, List<int> group, int? brokenVerb)
    {
        var t = s.Tokens;
        var spans = group.Select(i => t[i].Quote!).ToList();

        // The second piece of a quotation carried over a paragraph break joins the first piece's appearance.
        if (spans[0].ContinuedFrom is { } earlier && _byQuote.TryGetValue(Root(earlier), out var continued))
        {
            continued.Quote += " " + Clean(spans[0].Inner(Text));
            continued.Quotes.Add(spans[0]);
            _byQuote[spans[0]] = continued;
            if (!continued.Guesses.Any(g => g.StartsWith("quote runs", StringComparison.Ordinal)))
                continued.Guesses.Add("quote runs over several paragraphs; the pieces are joined with a space");
            if (continued.SpeakerName is null && ChooseVerb(s, group, brokenVerb) is { } late) Attribute(continued, s, late, group);
            return null;
        }

        var u = new Utterance(s, AttributionKind.DirectQuote) { Offset = t[group[0]].Start };
        u.Quotes.AddRange(spans);
        foreach (var span in spans) _byQuote[span] = u;
        u.Fragments.AddRange(spans.Select(q => Clean(q.Inner(Text))));
        if (brokenVerb is not null)
        {
            // The speaker's words without the interruption; a comma before "he said" is the speaker's own pause.
            u.Quote = string.Join(" ", spans.Select((q, i) => i < spans.Count - 1 ? q.Inner(Text).Trim().TrimEnd('.') : Clean(q.Inner(Text))));
            u.Guesses.Add("one quotation broken by its attribution; the pieces are joined with a space");
        }
        else if (spans.Count == 1)
        {
            // A piece that a later paragraph continues keeps its closing full stop: the next piece starts a new sentence.
            u.Quote = spans[0].Continues ? spans[0].Inner(Text).Trim() : Clean(spans[0].Inner(Text));
            if (!spans[0].Closed && !spans[0].Continues) u.Guesses.Add("the closing quotation mark is missing; the quote runs to the end of its paragraph");
        }
        else
        {
            u.Quote = Text[spans[0].Open..(spans[^1].Close + 1)];
        }

        var chosen = ChooseVerb(s, group, brokenVerb);
        if (chosen is { } participle && Participles.Contains(t[participle].Lower) && participle > 0 && t[participle - 1].Text == ","
            && _lastSpoken is { } before && before.Sentence == s && before.SpeakerName is not null)
        {
            // "..., Kowalski said of the estimate, calling it “...”": the participle's subject is the sentence's speaker.
            CopySpeaker(u, before);
            u.AttributedAs = WithObjectPronoun(t, participle);
        }
        else if (chosen is { } verb)
        {
            Attribute(u, s, verb, group);
        }
        else if (AccordingTo(s) is { } according)
        {
            SetSpeakerFrom(u, according.Mention, according.Start);
            u.AttributedAs = according.Printed;
        }
        else if (_introducer is { } intro && s.Paragraph - intro.Sentence.Paragraph == 1 && QuoteFillsSentence(s, group))
        {
            // "Mayor Lisa Holm told the council:" closing one paragraph, the quotation opening the next.
            CopySpeaker(u, intro);
            u.AttributedAs = intro.AttributedAs;
            u.Audience = intro.Audience;
            u.Place = intro.Place;
            u.Guesses.AddRange(intro.Guesses);
            _introducer = null;
        }
        else if (group[0] == 0 && group[^1] + 2 < t.Count && t[group[^1] + 1].Text == ":" && NounPhrases.Forward(t, group[^1] + 2) is { } named
            && NounPhrases.Classify(Text, t, named.First, named.Last) is { Name: { } who, IsPronoun: false } mention
            && mention.Kind is ClaimantKind.Person or ClaimantKind.Unknown && (who.Contains(' ') || _registry.Find(who) is not null))
        {
            // A headline's “I inherited a mess”: Donald Trump delivers ...: the words are the person's after the colon.
            SetSpeakerFrom(u, mention with { Kind = ClaimantKind.Person }, t[named.First].Start);
            u.Guesses.Add($"a headline's quotation read as the words of {u.SpeakerName}, named after its colon");
        }
        else if (QuoteFillsSentence(s, group) && s.Index > 0 && _article.Sentences[s.Index - 1] is { } previous && previous.Paragraph == s.Paragraph
            && SubjectPerson(previous) is { } about)
        {
            // "She said she has done her best. “I have done everything I can ...”": the quotation is the person's the sentence before is about.
            SetPerson(u, about);
            u.Guesses.Add($"speaker read as {about.Name}, whom the sentence before is about (none in this sentence)");
        }
        else if (_lastSpoken is { } last && last.SpeakerName is not null && s.Paragraph - last.Sentence.Paragraph <= 1 && QuoteFillsSentence(s, group))
        {
            CopySpeaker(u, last);
            u.AttributedAs = last.AttributedAs;
            u.Guesses.Add($"speaker and attribution carried over from the quotation before (none in this sentence)");
        }
        else
        {
            u.Guesses.Add("no speaker found for this quotation");
        }

        if (u.Kind == AttributionKind.Reported) u.Quote = ContentClause(s, u, group);
        u.Hedge = FindHedge(s);
        if (u.SpeakerName is not null) _lastSpoken = u;
        return u;
    }

    /// <summary>The verb, with "it" when the verb names the words ("calling it “...”", "described it as").</summary>
    private string WithObjectPronoun(IReadOnlyList<Token> t, int verb) =>
        verb + 1 < t.Count && t[verb + 1].Lower is "it" or "them" or "this" && t[verb].Lower is "calling" or "called" or "describing" or "described" or "branding" or "branded" or "dubbing" or "dubbed"
            ? Text[t[verb].Start..t[verb + 1].End]
            : t[verb].Text;

    private static QuoteSpan Root(QuoteSpan span)
    {
        while (span.ContinuedFrom is { } before) span = before;
        return span;
    }

    private static bool QuoteFillsSentence(Sentence s, List<int> group) =>
        s.Tokens.Count(t => t.IsWord) <= 2 || s.Tokens[0].Kind == TokenKind.Quote;

    /// <summary>The words inside the marks; a comma or full stop set inside the closing mark is typography.</summary>
    private static string Clean(string inner)
    {
        var s = inner.Trim();
        while (s.Length > 0 && s[^1] is ',' or '.' or ';' or ':') s = s[..^1].TrimEnd();
        return s;
    }

    private static int? ChooseVerb(Sentence s, List<int> group, int? brokenVerb)
    {
        var t = s.Tokens;
        if (brokenVerb is not null) return brokenVerb;
        var first = group[0];
        var last = group[^1];

        // Right after the quotation: “...,” he said / "...", said Vladimir Putin.
        for (var j = last + 1; j < t.Count && j <= last + 7; j++)
        {
            if (t[j].Kind == TokenKind.Quote || t[j].Text is "." or "!" or "?") break;
            if (IsQuoteVerb(t, j)) return j;
            if (t[j].IsWord && !IsPhraseWord(t[j]) && !Lexicon.VerbModifiers.Contains(t[j].Lower)) break;
        }

        for (var j = first - 1; j >= 0; j--)
        {
            if (IsQuoteVerb(t, j)) return j;
        }

        for (var j = last + 1; j < t.Count; j++)
        {
            if (IsQuoteVerb(t, j)) return j;
        }

        return null;
    }

    /// <summary>A verb that can introduce quoted words: a speech verb, not "according" and not a document's "found".</summary>
    private static bool IsQuoteVerb(IReadOnlyList<Token> t, int j) =>
        IsSpeechVerb(t, j) && !t[j].Is("according") && !DocumentVerbs.Contains(t[j].Lower);

    // ---- who said it ----------------------------------------------------------------------------------------

    private void Attribute(Utterance u, Sentence s, int verb, List<int>? group)
    {
        var t = s.Tokens;
        // "..., said X" / "“...” said X": a subject after its verb only when the verb follows the words it attributes.
        var allowInverted = group is not null && verb > group[^1] && !Lexicon.AudienceVerbs.Contains(t[verb].Lower);
        var (mention, npFirst, npLast, inverted) = Subject(s, verb, allowInverted);
        if (mention is null)
        {
            u.Guesses.Add($"no speaker found for \"{t[verb].Text}\"");
            u.AttributedAs = t[verb].Text;
            return;
        }

        SetSpeakerFrom(u, mention, t[npFirst].Start);

        // The phrase as printed: subject through verb (or verb through an inverted subject), with what belongs to it.
        var start = Math.Min(t[npFirst].Start, t[verb].Start);
        if (npFirst > 0 && t[npFirst - 1].Is("with") && !inverted && npLast < verb) start = t[npFirst - 1].Start;
        var endToken = Math.Max(verb, inverted ? npLast : verb);
        if (Participles.Contains(t[verb].Lower) && npLast < verb - 1)
        {
            start = t[verb].Start; // "..., saying": the phrase is the participle
        }

        if (!inverted && endToken == verb && WithObjectPronoun(t, verb).Length > t[verb].Text.Length) endToken = verb + 1;
        var after = endToken + 1;
        if (after < t.Count && t[after].IsWord && t[after].Lower is "earlier" or "later" or "again" or "repeatedly" or "today" or "yesterday" or "tonight"
            && (group is null || after < group[0] || after > group[^1] || (after + 1 < t.Count && !t[after + 1].IsWord)))
        {
            endToken = after++;
        }

        // "said in a statement", "told ... in an interview": how the words were given belongs to the attribution.
        if (after + 2 < t.Count && t[after].Is("in") && t[after + 1].Lower is "a" or "an" or "the" or "his" or "her" or "its" or "their"
            && t[after + 2].Lower is "statement" or "interview" or "post" or "letter" or "speech" or "video" or "message" or "briefing" or "tweet" or "email")
        {
            endToken = after + 2;
            after = endToken + 1;
        }

        if (Lexicon.AudienceVerbs.Contains(t[verb].Lower) || t[verb].Lower is "spoke" or "speaks")
        {
            var objStart = verb + 1;
            if (objStart < t.Count && t[objStart].Lower is "on" or "to" or "with") objStart++;
            var gathering = objStart + 1 < t.Count && t[objStart].Lower is "a" or "an" or "the" && !t[objStart + 1].IsCapitalised;
            var objSpan = gathering ? null : NounPhrases.Forward(t, objStart);
            if (objSpan is null && objStart < t.Count && t[objStart].IsWord && t[objStart].Lower is "reporters" or "journalists" or "supporters"
                or "lawmakers" or "parliament" or "students" or "workers" or "voters" or "delegates" or "residents" or "staff" or "troops" or "police")
            {
                objSpan = (objStart, objStart);
                if (objStart + 2 < t.Count && t[objStart + 1].Is("in") && IsPlaceWord(t[objStart + 2]))
                {
                    u.Place = Text[t[objStart + 2].Start..t[objStart + 2].End];
                    objSpan = (objStart, objStart + 2);
                }
            }

            // "told a rally in Fairhaven", "told a press briefing": an article and one or two words.
            if (objSpan is null && objStart + 1 < t.Count && t[objStart].Lower is "a" or "an" or "the" && t[objStart + 1].IsWord && !t[objStart + 1].IsCapitalised
                && t[objStart + 1].Lower is "rally" or "conference" or "briefing" or "meeting" or "crowd" or "gathering" or "summit" or "press" or "news" or "committee" or "hearing" or "audience" or "forum" or "panel" or "session")
            {
                var objEnd = objStart + 1;
                if (objEnd + 1 < t.Count && t[objEnd + 1].Lower is "briefing" or "conference" or "agency") objEnd++;
                if (objEnd + 2 < t.Count && t[objEnd + 1].Is("in") && IsPlaceWord(t[objEnd + 2]))
                {
                    u.Place = Text[t[objEnd + 2].Start..t[objEnd + 2].End];
                    objEnd += 2;
                }

                objSpan = (objStart, objEnd);
            }

            if (objSpan is { } obj && !(t[verb].Lower is "called" or "calling" && verb + 1 < t.Count && t[verb + 1].Is("for")))
            {
                var audience = NounPhrases.Classify(Text, t, obj.First, obj.Last);
                u.Audience = Text[t[obj.First].Start..t[obj.Last].End];
                if (audience.IsPronoun) u.Audience = null;
                endToken = Math.Max(endToken, obj.Last);
                after = endToken + 1;
            }
        }

        if (inverted && after + 1 < t.Count && t[after].Is("in") && IsPlaceWord(t[after + 1]))
        {
            var placeEnd = after + 1;
            while (placeEnd + 1 < t.Count && IsPlaceWord(t[placeEnd + 1])) placeEnd++;
            u.Place = Text[t[after + 1].Start..t[placeEnd].End];
            endToken = placeEnd;
        }

        u.AttributedAs = Text[start..t[endToken].End];
        u.Place ??= PlaceOf(s, verb);
        FindOccasion(u, s, verb, npFirst, group);
        Reported(u, s, verb, mention);
    }

    private (Mention? Mention, int First, int Last, bool Inverted) Subject(Sentence s, int verb, bool allowInverted = true)
    {
        var t = s.Tokens;
        if (t[verb].Lower is "according") return (null, 0, 0, false);

        // Participles take the subject of the clause before: "Halvorsen said on Tuesday, calling it ...", or the
        // sentence's subject: "Vladimir Putin welcomed Gen. Zhang Youxia, ..., saying ...".
        if ((Participles.Contains(t[verb].Lower) || t[verb].Lower is "calling" or "describing" or "branding")
            && (verb == 0 || t[verb - 1].Text == "," || (t[verb - 1].Kind == TokenKind.Quote && t[verb - 1].Quote!.Inner(Text).TrimEnd().EndsWith(','))))
        {
            for (var j = verb - 1; j >= 0; j--)
            {
                if (IsQuoteVerb(t, j) && Subject(s, j) is { Mention: not null } earlier) return earlier with { Inverted = false };
            }

            if (MainSubject(s) is { } main && main.Last < verb) return (NounPhrases.Classify(Text, t, main.First, main.Last), main.First, main.Last, false);
        }

        // Walk back over "also", "had earlier", ", for his part,".
        var k = verb;
        while (true)
        {
            if (k > 0 && t[k - 1].IsWord && Lexicon.VerbModifiers.Contains(t[k - 1].Lower)) k--;
            else if (k >= 5 && t[k - 1].Text == "," && t[k - 2].Is("part") && t[k - 3].Lower is "his" or "her" or "its" or "their" && t[k - 4].Is("for") && t[k - 5].Text == ",") k -= 5;
            else break;
        }

        // "Maria Kowalski, the Harbour Workers' Union general secretary, told": the name before the apposition.
        if (k > 1 && t[k - 1].Text == ",")
        {
            for (var p = k - 2; p >= Math.Max(1, k - 14); p--)
            {
                if (t[p].Text != ",") continue;
                if (NounPhrases.Backward(t, p) is { } named && NounPhrases.Classify(Text, t, named.First, named.Last) is { Name: not null, IsPronoun: false } who
                    && who.Kind is ClaimantKind.Person or ClaimantKind.Unknown && (who.Name.Contains(' ') || _registry.Find(who.Name) is not null))
                {
                    var apposition = Text[t[p + 1].Start..t[k - 2].End];
                    return (who with { Role = who.Role ?? StripDeterminer(apposition), Kind = ClaimantKind.Person }, named.First, named.Last, false);
                }

                break;
            }
        }

        // "May says": a surname that is also a month, when the article names that person ("Theresa May").
        if (k > 0 && t[k - 1].IsCapitalised && Lexicon.NameMonths.Contains(t[k - 1].Lower) && !(k > 1 && t[k - 2].IsCapitalised)
            && _registry.Find(t[k - 1].Text) is not null)
        {
            return (NounPhrases.Classify(Text, t, k - 1, k - 1) with { Kind = ClaimantKind.Person }, k - 1, k - 1, false);
        }

        // "Its chairman, Tomas Reyes, told": the name just before the comma.
        var end = k > 1 && t[k - 1].Text == "," && NounPhrases.Backward(t, k - 1) is { } named2
            && NounPhrases.Classify(Text, t, named2.First, named2.Last) is { Name: not null, IsPronoun: false } ? k - 1 : k;
        if (NounPhrases.Backward(t, end) is { } back)
        {
            var m = NounPhrases.Classify(Text, t, back.First, back.Last);
            var first = back.First;

            // "lead author Dr. Amira Haddad of Lund Medical Institute told": the person, not the institution.
            if (first > 1 && t[first - 1].Is("of")
                && NounPhrases.Backward(t, first - 1) is { } person && NounPhrases.Classify(Text, t, person.First, person.Last) is { Name: not null } p2
                && (p2.Head is not null || p2.Name.Contains(' ')))
            {
                m = p2 with { Kind = ClaimantKind.Person };
                first = person.First;
            }

            // "Its chairman, Tomas Reyes, told": the role printed before the name belongs to the phrase.
            if (first > 1 && t[first - 1].Text == "," && m.Name is not null && NounPhrases.Backward(t, first - 1) is { } roleSpan
                && NounPhrases.Classify(Text, t, roleSpan.First, roleSpan.Last) is { Name: null, Head: not null } role)
            {
                m = m with { Role = m.Role ?? StripDeterminer(role.Printed), Kind = ClaimantKind.Person };
                first = roleSpan.First;
            }

            if (!DocumentVerbs.Contains(t[verb].Lower) || m.Kind == ClaimantKind.Document) return (m, first, back.Last, false);
        }

        if (allowInverted && NounPhrases.Forward(t, verb + 1) is { } fwd && !DocumentVerbs.Contains(t[verb].Lower))
        {
            return (NounPhrases.Classify(Text, t, fwd.First, fwd.Last), fwd.First, fwd.Last, true);
        }

        // "A US intelligence report published in June found ...": the sentence's opening words up to the verb.
        var open = SkipIntro(s);
        var words = Enumerable.Range(open, Math.Max(0, verb - open)).Count(i => t[i].IsWord);
        if (verb > open && words <= 9 && t.Skip(open).Take(verb - open).All(x => x.Kind != TokenKind.Quote && x.Text != ","))
        {
            var m = NounPhrases.Classify(Text, t, open, verb - 1);
            if (m.Kind is ClaimantKind.Document or ClaimantKind.Organisation)
            {
                // The whole phrase names it ("US intelligence report published in June"), not its last capitalised word.
                var name = Text[t[open].Start..t[verb - 1].End];
                return (m with { Name = StripDeterminer(name), Role = null }, open, verb - 1, false);
            }
        }

        return (null, 0, 0, false);
    }

    private static string StripDeterminer(string s)
    {
        foreach (var d in new[] { "the ", "The ", "a ", "A ", "an ", "An " })
        {
            if (s.StartsWith(d, StringComparison.Ordinal)) return s[d.Length..];
        }

        return s;
    }

    /// <summary>The first token after an introductory phrase ("In Moscow,", "Earlier on Wednesday,", "But,").</summary>
    private static int SkipIntro(Sentence s)
    {
        var t = s.Tokens;
        if (t.Count > 0 && t[0].IsWord && IntroWords.Contains(t[0].Lower))
        {
            var comma = -1;
            for (var i = 0; i < t.Count && i < 10; i++)
            {
                if (t[i].Text == ",")
                {
                    comma = i;
                    break;
                }
            }

            if (comma > 0) return comma + 1;
        }

        return 0;
    }

    private static (int First, int Last)? MainSubject(Sentence s) => NounPhrases.Forward(s.Tokens, SkipIntro(s));

    private void SetSpeakerFrom(Utterance u, Mention m, int offset)
    {
        if (m.IsPronoun)
        {
            var personal = m.Printed.ToLowerInvariant() is "he" or "she";
            if (personal && SubjectBefore(u.Sentence, offset) is { } subject)
            {
                SetPerson(u, subject);
                u.Guesses.Add($"\"{m.Printed}\" read as {subject.Name}, the subject of this sentence");
            }
            else if (personal && _lastSubject is { } named && (_lastSpoken is not { SpeakerKind: ClaimantKind.Person } || named.Offset > _lastSpoken.Sentence.Start))
            {
                SetPerson(u, named.Person);
                u.Guesses.Add($"\"{m.Printed}\" read as {named.Person.Name}, the person the sentence before is about");
            }
            else if (personal && _lastSpoken is { SpeakerKind: ClaimantKind.Person } last)
            {
                CopySpeaker(u, last);
                u.SpeakerRole = null;
                u.Guesses.Add($"\"{m.Printed}\" read as {last.SpeakerName}, the last person quoted");
            }
            else if (personal && _registry.LastNamedBefore(offset) is { } recent)
            {
                SetPerson(u, recent);
                u.Guesses.Add($"\"{m.Printed}\" read as {recent.Name}, the last person named before it");
            }
            else if (_lastSpoken is { } any && m.Printed.ToLowerInvariant() is "they" or "it" or "we")
            {
                CopySpeaker(u, any);
                u.SpeakerRole = null;
                u.Guesses.Add($"\"{m.Printed}\" read as {any.SpeakerName}, the last speaker");
            }
            else
            {
                u.Guesses.Add($"\"{m.Printed}\": no earlier speaker to refer to");
            }

            return;
        }

        u.SpeakerRole = m.Role is { } r ? StripDeterminer(r) : null;
        if (m.Name is null)
        {
            if (_registry.ByRole(m, offset) is { } byRole)
            {
                u.SpeakerName = byRole.Person.Name;
                u.SpeakerKind = ClaimantKind.Person;
                u.ClaimantRole = byRole.Person.MainRole;
                u.SpeakerRole = StripDeterminer(m.Printed);
                var printedRole = byRole.Person.Roles.FirstOrDefault(r => r.Words.Contains(m.Head!)).Role ?? byRole.Person.MainRole;
                u.Guesses.Add($"\"{m.Printed}\" read as {byRole.Person.Name}, whom the article {(byRole.Forward ? "later" : "earlier")} calls \"{printedRole}\"");
            }
            else
            {
                u.SpeakerName = StripDeterminer(m.Printed);
                u.SpeakerKind = m.Kind == ClaimantKind.Unknown ? ClaimantKind.Person : m.Kind;
                u.SpeakerRole = null;
                u.Guesses.Add($"the text does not name \"{m.Printed}\"; the claimant is the role as printed");
            }

            return;
        }

        if (m.Kind is ClaimantKind.Organisation or ClaimantKind.Document)
        {
            u.SpeakerName = StripDeterminer(m.Name);
            u.SpeakerKind = m.Kind;
            return;
        }

        var person = _registry.Find(m.Name);
        if (person is null && (m.Name.Contains(' ') || m.Head is not null))
        {
            person = _registry.See(m.Name, offset);
            if (m.Role is not null && m.Head is not null) person.AddRole(m.Role, m.Nationality, m.RoleWords);
        }

        if (person is null)
        {
            u.SpeakerName = m.Name;
            u.SpeakerKind = ClaimantKind.Unknown;
            u.Guesses.Add($"\"{m.Name}\": not known as a person or an organisation");
            return;
        }

        person.Mentions.Add(offset);
        u.SpeakerName = person.Name;
        u.SpeakerKind = ClaimantKind.Person;
        u.ClaimantRole = person.MainRole;
        if (!string.Equals(person.Name, m.Name, StringComparison.Ordinal)) u.Guesses.Add($"\"{m.Name}\" read as {person.Name}, named so elsewhere in the article");
    }

    private void SetPerson(Utterance u, Person person)
    {
        u.SpeakerName = person.Name;
        u.SpeakerKind = ClaimantKind.Person;
        u.ClaimantRole = person.MainRole;
        u.SpeakerRole = null;
    }

    /// <summary>The person named as the sentence's subject, when named before <paramref name="offset"/>.</summary>
    private Person? SubjectBefore(Sentence s, int offset)
    {
        if (MainSubject(s) is not { } main || s.Tokens[main.First].Start >= offset) return null;
        var t = s.Tokens;
        var m = NounPhrases.Classify(Text, t, main.First, main.Last);

        // "Alvarado's campaign manager, Dev Patel, dismissed ...": the name in the apposition.
        if (m.Name is null && main.Last + 2 < t.Count && t[main.Last + 1].Text == "," && NounPhrases.Forward(t, main.Last + 2) is { } named
            && NounPhrases.Classify(Text, t, named.First, named.Last) is { Name: { } appositive, IsPronoun: false } && t[named.First].Start < offset)
        {
            return _registry.Find(appositive) ?? (appositive.Contains(' ') ? _registry.See(appositive, t[named.First].Start) : null);
        }

        return m is { IsPronoun: false, Name: { } name } ? _registry.Find(name) : null;
    }

    /// <summary>The person a sentence is about: its subject when named, or a "he"/"she" read as the last person named.</summary>
    private Person? SubjectPerson(Sentence s)
    {
        if (SubjectBefore(s, s.End) is { } named) return named;
        if (MainSubject(s) is { } main && main.First == main.Last && s.Tokens[main.First].Lower is "he" or "she")
        {
            return _lastSubject?.Person ?? _registry.LastNamedBefore(s.Start);
        }

        return null;
    }

    private static void CopySpeaker(Utterance u, Utterance from)
    {
        u.SpeakerName = from.SpeakerName;
        u.SpeakerKind = from.SpeakerKind;
        u.ClaimantRole = from.ClaimantRole;
        u.SpeakerRole = from.SpeakerRole;
    }

    // ---- reported speech, intermediaries --------------------------------------------------------------------

    private sealed record According(Mention Mention, string Printed, string Via, int Start, int First, int Last);

    private According? AccordingTo(Sentence s)
    {
        var t = s.Tokens;
        for (var i = 0; i + 1 < t.Count; i++)
        {
            if (!t[i].Is("according") || !t[i + 1].Is("to")) continue;
            var end = i + 2;
            while (end < t.Count && t[end].Kind != TokenKind.Quote && t[end].Text is not ("," or "." or ";" or ":" or "!" or "?")) end++;
            if (end == i + 2) return null;
            var last = end - 1;
            var printed = Text[t[i].Start..t[last].End];
            var via = StripDeterminer(Text[t[i + 2].Start..t[last].End]);
            var np = NounPhrases.Forward(t, i + 2) ?? (i + 2, last);
            var mention = NounPhrases.Classify(Text, t, np.First, np.Last);
            if (mention.Name is null || mention.Kind == ClaimantKind.Unknown)
            {
                mention = mention with { Name = via, Kind = mention.Kind == ClaimantKind.Unknown ? ClaimantKind.Organisation : mention.Kind };
            }

            return new According(mention, printed, via, t[i].Start, i, last);
        }

        return null;
    }

    private void Reported(Utterance u, Sentence s, int verb, Mention subject)
    {
        if (AccordingTo(s) is { } according)
        {
            u.Kind = AttributionKind.Reported;
            u.Via = according.Via;
            u.AttributedAs = according.Printed;
            return;
        }

        // "..., the ministry said": the words of the person the sentence is about, through the ministry.
        if (subject.Kind != ClaimantKind.Person && subject.Name is { } name && name.Split(' ').Any(Lexicon.IntermediaryHeads.Contains)
            && MainSubject(s) is { } main && main.First < verb)
        {
            var first = NounPhrases.Classify(Text, s.Tokens, main.First, main.Last);
            if (first.Name is not null && _registry.Find(first.Name) is { } person)
            {
                u.Via = name;
                u.Kind = AttributionKind.Reported;
                u.SpeakerName = person.Name;
                u.SpeakerKind = ClaimantKind.Person;
                u.ClaimantRole = person.MainRole;
                u.SpeakerRole = null;
                u.Guesses.Add($"the words are {person.Name}'s as {name} relays them");
            }
        }
    }

    /// <summary>The words reported: after "said (that)", or the whole sentence, without the "according to" phrase.</summary>
    private string ContentClause(Sentence s, Utterance u, List<int>? group)
    {
        var t = s.Tokens;
        var according = AccordingTo(s);
        var from = SkipIntro(s);
        var to = t.Count - 1;
        if (according is not null)
        {
            if (according.First <= from + 1 && according.First < (group?[0] ?? t.Count))
            {
                from = according.Last + 1;
                while (from < t.Count && t[from].Text == ",") from++;
            }
            else
            {
                to = according.First - 1;
                while (to > from && t[to].Text is "," or "-" or "–" or "—") to--;
            }
        }

        var verb = Enumerable.Range(from, Math.Max(0, to - from + 1)).FirstOrDefault(i => IsSpeechVerb(t, i) && !t[i].Is("according"), -1);
        if (verb >= 0 && Lexicon.ParaphraseVerbs.Contains(t[verb].Lower) && (group is null || verb < group[0]))
        {
            from = verb + 1;
            if (from < t.Count && t[from].Is("that")) from++;
        }

        while (to > from && t[to].Kind == TokenKind.Punct && t[to].Text is "." or "," or ";" or ":") to--;
        return from <= to ? Text[t[from].Start..t[to].End] : u.Quote;
    }

    private static string? FindHedge(Sentence s)
    {
        var frame = string.Concat(s.Tokens.Where(x => x.Kind != TokenKind.Quote).Select(x => " " + x.Lower));
        return Lexicon.Hedges.FirstOrDefault(h => frame.Contains(" " + h + " ", StringComparison.Ordinal));
    }

    // ---- circumstances --------------------------------------------------------------------------------------

    private static bool IsPlaceWord(Token t) => t.IsCapitalised && !Lexicon.NotNames.Contains(t.Lower) && !char.IsDigit(t.Text[0]);

    private string? PlaceOf(Sentence s, int verb)
    {
        var t = s.Tokens;

        // "In Moscow, ..." opening the sentence, or "said in Moscow".
        if (t.Count > 2 && t[0].Is("in") && IsPlaceWord(t[1]))
        {
            var end = 1;
            while (end + 1 < t.Count && IsPlaceWord(t[end + 1])) end++;
            if (end + 1 < t.Count && t[end + 1].Text == ",") return Text[t[1].Start..t[end].End];
        }

        if (verb + 2 < t.Count && t[verb + 1].Is("in") && IsPlaceWord(t[verb + 2]))
        {
            var end = verb + 2;
            while (end + 1 < t.Count && IsPlaceWord(t[end + 1])) end++;
            return Text[t[verb + 2].Start..t[end].End];
        }

        return null;
    }

    private void FindOccasion(Utterance u, Sentence s, int verb, int npFirst, List<int>? group)
    {
        var t = s.Tokens;

        // Only the attribution's side of the sentence: before the subject, or after the quotation and its verb.
        var regions = new List<(int From, int To)> { (0, Participles.Contains(t[verb].Lower) ? verb - 1 : Math.Min(verb, npFirst) - 1) };
        if (group is not null && verb > group[^1]) regions.Add((verb + 1, t.Count - 1));
        foreach (var (from, to) in regions)
        {
            for (var i = from; i <= to && i < t.Count; i++)
            {
                if (!t[i].IsWord || !OccasionTriggers.Contains(t[i].Lower)) continue;
                var lower = t[i].Lower;
                if (lower is "at" && !(i + 1 < t.Count && t[i + 1].Lower is "a" or "an" or "the")) continue;
                if (lower is "ahead" && !(i + 1 < t.Count && t[i + 1].Is("of"))) continue;
                var start = lower is "while" && i + 1 < t.Count ? i + 1 : i;
                while (start < t.Count && t[start].IsWord && t[start].Lower is "also" or "still") start++;
                var end = start;
                while (end + 1 <= to && end + 1 < t.Count && t[end + 1].Kind != TokenKind.Quote && t[end + 1].Text is not ("," or "." or ";" or ":" or "-" or "–" or "—") && end - start < 16) end++;
                if (end <= start) continue;
                u.Occasion = Text[t[start].Start..t[end].End];
                u.Timing = lower switch
                {
                    "after" => "after",
                    "before" or "ahead" => "before",
                    _ => "at",
                };
                if (u.Audience is null && lower is "addressing" && NounPhrases.Forward(t, i + 1) is { } who)
                {
                    u.Audience = Text[t[who.First].Start..t[who.Last].End];
                }

                return;
            }
        }
    }

    // ---- reported speech without quotation marks, and the outlet's own assertions ---------------------------

    /// <summary>A line that only introduces the quotation below it ("Mayor Lisa Holm told the council:").</summary>
    private Utterance? Introducer(Sentence s)
    {
        var t = s.Tokens;
        if (t.Count < 2 || t[^1].Text != ":") return null;
        for (var v = t.Count - 2; v >= 0; v--)
        {
            if (!IsQuoteVerb(t, v)) continue;
            var u = new Utterance(s, AttributionKind.DirectQuote) { Offset = s.Start };
            Attribute(u, s, v, null);
            if (u.SpeakerName is null) return null;
            if (u.SpeakerKind == ClaimantKind.Person) _lastSpoken = u;
            return u;
        }

        return null;
    }

    private static bool HasContentClause(Sentence s)
    {
        var t = s.Tokens;
        var that = Enumerable.Range(0, t.Count).FirstOrDefault(i => t[i].Is("that") && i > 0 && Lexicon.ParaphraseVerbs.Contains(t[i - 1].Lower), -1);
        return that >= 0 && t.Skip(that + 1).Count(x => x.IsWord) >= 3;
    }

    private static readonly HashSet<string> FirstPerson = new(StringComparer.OrdinalIgnoreCase) { "i", "we", "my", "our", "me", "us", "i'm", "i’m", "we're", "we’re", "i've", "i’ve" };

    /// <summary>Whether a paragraph goes on with a block quotation of <paramref name="speaker"/>'s words.</summary>
    private bool ContinuesBlock(int paragraph, Utterance speaker, bool started)
    {
        var sentences = _article.Sentences.Where(x => x.Paragraph == paragraph).ToList();
        var tokens = sentences.SelectMany(x => x.Tokens).ToList();
        if (tokens.Any(x => x.Kind == TokenKind.Quote) || sentences.Any(x => x.IsHeadingLike)) return false;
        if (!started && !tokens.Any(x => x.IsWord && FirstPerson.Contains(x.Text))) return false;
        var names = (speaker.SpeakerName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).ToList();
        return !tokens.Any(x => x.IsWord && (x.Lower is "he" or "she" || names.Any(n => string.Equals(n, x.Text, StringComparison.Ordinal))));
    }

    private Utterance? FromParaphrase(Sentence s)
    {
        if (s.IsHeadingLike) return null;
        var t = s.Tokens;
        for (var v = 0; v < t.Count; v++)
        {
            if (!IsSpeechVerb(t, v) || !Lexicon.ParaphraseVerbs.Contains(t[v].Lower)) continue;
            var content = t.Skip(v + 1).Count(x => x.IsWord);
            if (content < 3) continue;
            var (mention, first, _, _) = Subject(s, v);
            if (mention is null) continue;
            if (first > v) continue; // "..., said X" without quotation marks is rare and usually a fragment
            var u = new Utterance(s, AttributionKind.Paraphrase) { Offset = s.Start };
            u.Quote = TrimEnd(s.Text(Text));
            Attribute(u, s, v, null);
            if (u.SpeakerName is null) return null;
            if (u.Kind == AttributionKind.Reported) u.Quote = ContentClause(s, u, null);
            u.Hedge = FindHedge(s);
            if (u.SpeakerKind == ClaimantKind.Person) _lastSpoken = u;
            return u;
        }

        if (AccordingTo(s) is { } according && t.Skip(according.Last + 1).Count(x => x.IsWord) >= 3)
        {
            var u = new Utterance(s, AttributionKind.Paraphrase) { Offset = s.Start, Quote = TrimEnd(s.Text(Text)) };
            SetSpeakerFrom(u, according.Mention, according.Start);
            u.AttributedAs = according.Printed;
            u.Hedge = FindHedge(s);
            return u;
        }

        return null;
    }

    private Utterance? FromAssertion(Sentence s)
    {
        if (s.IsHeadingLike || IsFurniture(s.Text(Text))) return null;
        var t = s.Tokens;
        var words = t.Where(x => x.IsWord).ToList();
        if (words.Count < 6) return null;
        var checkable = words.Any(w => char.IsDigit(w.Text[0]))
            || words.Skip(1).Any(w => w.IsCapitalised && w.Text != "I")
            || Claims.Dates.DateResolver.ResolveAll(s.Text(Text), null).Any(r => r.MatchedText is not null);
        if (!checkable) return null;
        return new Utterance(s, AttributionKind.Unattributed)
        {
            Offset = s.Start,
            Quote = TrimEnd(s.Text(Text)),
            SpeakerName = _outlet,
            SpeakerKind = ClaimantKind.Outlet,
            Candidate = true,
            Hedge = FindHedge(s),
        };
    }

    /// <summary>Page furniture that reads like a sentence: credits, copyright lines, calls to share or subscribe.</summary>
    private static bool IsFurniture(string sentence) =>
        sentence.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase) || sentence.Contains('©')
        || sentence.Contains("All rights reserved", StringComparison.OrdinalIgnoreCase)
        || sentence.StartsWith("Share this", StringComparison.OrdinalIgnoreCase)
        || sentence.StartsWith("Sign up", StringComparison.OrdinalIgnoreCase)
        || sentence.StartsWith("Subscribe", StringComparison.OrdinalIgnoreCase)
        || sentence.StartsWith("Read more", StringComparison.OrdinalIgnoreCase)
        || sentence.StartsWith("Click here", StringComparison.OrdinalIgnoreCase);

    private static string TrimEnd(string sentence)
    {
        var s = sentence.TrimEnd();
        while (s.Length > 0 && s[^1] is '.' or '!' or ';' or ':') s = s[..^1].TrimEnd();
        return s;
    }
}
