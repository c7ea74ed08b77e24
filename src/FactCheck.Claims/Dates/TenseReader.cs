namespace FactCheck.Claims.Dates;

/// <summary>What the words around a date expression say about its direction from the reference.</summary>
internal enum TenseReading
{
    /// <summary>Nothing in the sentence marks a tense.</summary>
    None,
    Past,
    Future,
    /// <summary>The governing words allow both ("would", "was expected to"), or the sentence mixes them.</summary>
    Both,
}

/// <summary>
/// Reads tense from the clause that holds a date expression, not from the whole sentence: in "Police said Tuesday
/// the suspect will appear in court" the "will" belongs to another clause. The governing marker is the last one
/// before the expression in its clause, else the first one after it; a clause without one takes the nearest
/// marker of the sentence (first after, then last before).
/// </summary>
internal static class TenseReader
{
    /// <summary>A tense marker found in a sentence.</summary>
    internal readonly record struct Marker(int Index, int Length, TenseReading Kind)
    {
        public int End => Index + Length;
    }

    private readonly record struct Token(int Index, int Length, string Lower, bool Capitalised)
    {
        public int End => Index + Length;
    }

    // Hand-written over words rather than one regex: the markers are a few hundred words with a little context,
    // and a regex of that size cost about a third of a sentence's whole scan (measured on the news table).
    private static readonly HashSet<string> Both = ["would", "could", "might", "should", "may"];

    private static readonly HashSet<string> Rescheduled =
        ["moved", "pushed", "postponed", "delayed", "rescheduled", "deferred", "extended", "brought", "put", "shifted", "changed"];

    private static readonly HashSet<string> PlannedAfterWas = ["due", "scheduled", "set", "expected", "slated", "supposed", "planned", "meant", "to"];

    private static readonly HashSet<string> Future =
    [
        "will", "shall", "won't", "gonna", "payable", "effective", "expire", "expires", "expiring", "scheduled", "slated", "upcoming", "expected",
        "forthcoming", "pending", "deadline", "planned", "expect", "expects", "begins", "meets", "convenes", "reconvenes", "resumes", "matures",
        "arrives", "departs", "travels", "flies", "reopens", "opens", "closes", "ends", "starts", "launches", "debuts", "premieres", "airs",
        "holds", "hosts", "faces", "plays", "visits", "projected", "proposed",
    ];

    /// <summary>Words that mark the future when "to" follows ("plans to", "set to", "is to").</summary>
    private static readonly HashSet<string> FutureBeforeTo =
        ["going", "plan", "plans", "planning", "aim", "aims", "intend", "intends", "hope", "hopes", "seek", "seeks", "expected", "set", "is", "are", "'s", "'re",
            "forecast", "poised", "about"];

    private static readonly HashSet<string> DueToCause =
    [
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "lack", "concern", "concerns", "fear", "fears",
        "problem", "problems", "weather", "poor", "low", "high", "heavy", "strong", "weak", "rising", "falling",
    ];

    private static readonly HashSet<string> Progressive = ["holding", "hosting", "meeting", "playing", "facing", "traveling", "travelling", "heading", "visiting", "reporting"];

    private static readonly HashSet<string> BareFuture = ["begin", "resume", "convene", "reconvene", "meet", "play", "host", "face", "visit", "hold", "head"];

    private static readonly HashSet<string> BareFutureLowerOnly = ["start", "end", "finish", "conclude", "open", "close"];

    private static readonly HashSet<string> NotAfterBareFuture =
    [
        "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "do", "does", "not", "and", "or", "the", "a", "an", "their",
        "its", "his", "her", "our", "first", "on", "in", "took", "take", "takes", "taking", "keep", "kept", "put", "get", "got",
    ];

    private static readonly HashSet<string> AlwaysPast = ["said", "told", "announced", "claimed", "was", "were", "had", "did", "didn't", "ago"];

    private static readonly HashSet<string> IrregularPast =
    [
        "made", "took", "gave", "came", "went", "got", "saw", "met", "held", "spoke", "began", "fell", "rose", "won", "lost", "left", "led", "beat",
        "hit", "put", "shut", "let", "paid", "sold", "bought", "brought", "thought", "sent", "spent", "built", "struck", "broke", "chose", "drove",
        "ran", "shot", "stood", "wrote", "became", "grew", "knew", "threw", "flew", "drew", "fought", "caught", "taught", "sought", "sank", "swore",
        "wore", "froze", "stole", "hid", "rode", "woke", "bit", "fled", "fed", "felt", "kept", "slept", "meant", "found", "heard", "dealt", "laid",
        "lay", "sat", "shook", "slid", "stuck", "swept", "swung", "tore", "understood", "withdrew", "overtook", "undertook", "upheld", "forgave",
        "forbade", "foresaw", "overcame", "overrode", "arose", "awoke", "dove", "sprang", "stung", "spun", "wept",
    ];

    /// <summary>Words in -ed that are not past verbs, or name a plan rather than a past event.</summary>
    private static readonly HashSet<string> NotPastEd =
    [
        "need", "feed", "seed", "speed", "proceed", "succeed", "exceed", "breed", "greed", "weed", "deed", "heed", "bleed", "creed", "steed", "reed",
        "indeed", "shed", "bed", "red", "hundred", "united", "limited", "based", "related", "detailed", "armed", "advanced", "concerned",
        "interested", "alleged", "supposed", "sacred", "wicked", "naked", "rugged", "crooked", "beloved", "aged", "skilled", "talented",
        "unexpected", "expected", "scheduled", "planned", "proposed", "slated", "anticipated", "projected", "forecasted", "estimated", "extended",
        "revised", "adjusted", "combined", "delayed", "postponed", "rescheduled", "deferred", "listed", "unlisted", "owned", "backed", "led", "sized",
        "called", "so-called", "named", "designed", "dated", "unidentified", "unnamed", "embattled", "troubled", "disputed", "contested", "occupied",
        "annexed", "sanctioned", "indebted", "renewed", "increased", "reduced", "continued", "added", "required", "needed",
    ];

    /// <summary>Auxiliaries after which a participle is not past tense ("will be held", "is expected", "to hit").</summary>
    private static readonly HashSet<string> Auxiliary =
    [
        "be", "been", "being", "is", "are", "am", "was", "were", "'s", "'re", "get", "gets", "getting", "got", "to", "will", "would", "could", "can",
        "may", "might", "should", "must", "shall", "won't", "does", "do", "not",
    ];

    private static readonly HashSet<string> AuxiliaryAdverb = ["also", "not", "now", "still", "being", "then", "soon", "likely", "probably"];

    private static readonly HashSet<string> PerfectAdverb = ["not", "never", "already", "also"];

    private static readonly HashSet<string> ClauseWords =
    [
        "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although", "though", "but", "whereas", "unless", "if", "and",
        "or", "so", "then", "after", "before", "as", "once", "since", "until",
    ];

    /// <summary>All tense markers and clause boundaries of a sentence.</summary>
    internal static (IReadOnlyList<Marker> Markers, IReadOnlyList<(int Index, int End)> Boundaries) Scan(string text)
    {
        var tokens = Tokenize(text);
        var markers = new List<Marker>();
        var boundaries = new List<(int, int)>();
        for (var k = 0; k < text.Length; k++)
        {
            var ch = text[k];
            if (ch is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"')
            {
                boundaries.Add((k, k + 1));
            }
            else if (ch == '-' && k > 0 && k + 1 < text.Length && (text[k - 1] == '-' || (char.IsWhiteSpace(text[k - 1]) && char.IsWhiteSpace(text[k + 1]))))
            {
                boundaries.Add((k, k + 1));
            }
        }

        string At(int i) => i >= 0 && i < tokens.Count ? tokens[i].Lower : "";
        void Add(int first, int last, TenseReading kind) => markers.Add(new Marker(tokens[first].Index, tokens[last].End - tokens[first].Index, kind));

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var w = t.Lower;
            if (ClauseWords.Contains(w)) boundaries.Add((t.Index, t.End));

            // Both: "was expected to", "were due", "had been scheduled"; modals other than "will".
            var j = w is "was" or "were" ? i + 1 : w == "had" && At(i + 1) == "been" ? i + 2 : -1;
            if (j > 0)
            {
                if (At(j) is "originally" or "initially" or "previously" or "also") j++;
                if (PlannedAfterWas.Contains(At(j)))
                {
                    Add(i, j, TenseReading.Both);
                    i = j;
                    continue;
                }
            }

            // "was moved to June 2", "pushed back to July 15": a new date, set in the past, that may still be ahead.
            if (Rescheduled.Contains(w))
            {
                var n = At(i + 1) is "back" or "forward" or "off" or "out" ? i + 2 : i + 1;
                if (At(n) is "to" or "for" or "until" or "till")
                {
                    Add(i, n, TenseReading.Both);
                    i = n;
                    continue;
                }
            }

            if (Both.Contains(w) && !(w == "may" && t.Capitalised))
            {
                if (At(i + 1) == "have") Add(i, i + 1, TenseReading.Past);
                else Add(i, i, TenseReading.Both);
                continue;
            }

            if (w == "will" && At(i + 1) == "have")
            {
                Add(i, i + 1, TenseReading.Past);
                continue;
            }

            if (FutureMarker(tokens, i, out var lastFuture))
            {
                Add(i, lastFuture, TenseReading.Future);
                i = lastFuture;
                continue;
            }

            // Perfect: "has risen", "had been".
            if (w is "has" or "have" or "had")
            {
                var n = i + 1;
                if (PerfectAdverb.Contains(At(n))) n++;
                var next = At(n);
                if (next == "been" || (next.Length > 3 && (next.EndsWith("ed", StringComparison.Ordinal) || next.EndsWith("en", StringComparison.Ordinal))))
                {
                    Add(i, n, TenseReading.Past);
                    i = n;
                    continue;
                }
            }

            if (AlwaysPast.Contains(w))
            {
                Add(i, i, TenseReading.Past);
                continue;
            }

            // A capitalised word inside the sentence is a name ("the Fed's meeting"), not a verb.
            var pastForm = !(t.Capitalised && i > 0) && (IrregularPast.Contains(w) || (w.Length >= 4 && w.EndsWith("ed", StringComparison.Ordinal) && !NotPastEd.Contains(w) && IsLetters(w)));
            if (pastForm && !Auxiliary.Contains(At(i - 1)) && !(AuxiliaryAdverb.Contains(At(i - 1)) && Auxiliary.Contains(At(i - 2))))
            {
                Add(i, i, TenseReading.Past);
            }
        }

        return (markers, boundaries);
    }

    private static bool FutureMarker(List<Token> tokens, int i, out int last)
    {
        string At(int k) => k >= 0 && k < tokens.Count ? tokens[k].Lower : "";
        var w = tokens[i].Lower;
        last = i;
        switch (w)
        {
            case "due":
                return !(At(i + 1) == "to" && DueToCause.Contains(At(i + 2)));
            case "starting" or "beginning":
                return At(i - 1) != "the";
            case "kicks" when At(i + 1) == "off":
            case "takes" when At(i + 1) is "effect" or "office" or "place":
            case "polls" when At(i + 1) is "open" or "close":
                last = i + 1;
                return true;
            case "gets" when At(i + 1) is "underway":
                last = i + 1;
                return true;
            case "gets" when At(i + 1) == "under" && At(i + 2) == "way":
            case "goes" when At(i + 1) == "into" && At(i + 2) == "effect":
            case "comes" when At(i + 1) == "into" && At(i + 2) is "force" or "effect":
            case "goes" when At(i + 1) == "on" && At(i + 2) == "trial":
                last = i + 2;
                return true;
            case "go" or "goes" or "heads" when At(i + 1) == "to" && At(i + 2) == "the" && At(i + 3) == "polls":
                last = i + 3;
                return true;
            case "is" or "are" when Progressive.Contains(At(i + 1)):
                last = i + 1;
                return true;
            case "set" when At(i + 1) is "to" or "for":
                last = i + 1;
                return true;
        }

        if (FutureBeforeTo.Contains(w))
        {
            var n = i + 1;
            if (w is "is" or "are" or "'s" or "'re" && At(n) is "also" or "now" or "still") n++;
            if (At(n) == "to")
            {
                last = n;
                return true;
            }
        }

        if (Future.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal) || (w == "next" && At(i + 1) != "to"))
        {
            return true;
        }

        var bare = BareFuture.Contains(w) || (BareFutureLowerOnly.Contains(w) && !tokens[i].Capitalised);
        if (!bare || NotAfterBareFuture.Contains(At(i - 1)))
        {
            return false;
        }

        var following = At(i + 1);
        return w switch
        {
            "start" or "end" or "finish" or "conclude" => following != "of",
            "open" or "close" => following is not ("to" or "higher" or "lower" or "up" or "down" or "flat" or "mixed")
                && !(following == "at" && i + 2 < tokens.Count && char.IsAsciiDigit(tokens[i + 2].Lower[0])),
            _ => true,
        };
    }

    private static bool IsLetters(string w)
    {
        foreach (var c in w)
        {
            if (!char.IsAsciiLetterLower(c)) return false;
        }

        return true;
    }

    /// <summary>Words of letters, digits and apostrophes ("won't", "we'll", "'s" as its own token after a letter).</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(24);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                // "'s" / "'re" / "'ll" attached to a word are kept as their own tokens ("it's to", "we're to").
                if (text[i] == '\'' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    var s = i + 1;
                    while (s < text.Length && char.IsLetter(text[s])) s++;
                    var suffix = text.Substring(i, s - i).ToLowerInvariant();
                    if (suffix is "'s" or "'re")
                    {
                        tokens.Add(new Token(i, s - i, suffix, false));
                        i = s;
                        continue;
                    }
                }

                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && !(text[i] == '\'' && IsSplitSuffix(text, i)))))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start, text.Substring(start, i - start).ToLowerInvariant(), char.IsUpper(text[start])));
        }

        return tokens;
    }

    private static bool IsSplitSuffix(string text, int apostrophe)
    {
        var end = apostrophe + 1;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var suffix = text.AsSpan(apostrophe, end - apostrophe);
        return suffix.Equals("'s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("'re", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The reading that governs the expression at [<paramref name="start"/>, <paramref name="end"/>).
    /// <paramref name="excluded"/> are the spans of date expressions, whose own words ("next", "ago") are not markers.
    /// </summary>
    internal static TenseReading Read(
        IReadOnlyList<Marker> markers, IReadOnlyList<(int Index, int End)> boundaries, int start, int end, IReadOnlyList<(int Index, int End)> excluded)
    {
        var clauseStart = 0;
        var clauseEnd = int.MaxValue;
        foreach (var (bi, be) in boundaries)
        {
            if (be <= start) clauseStart = Math.Max(clauseStart, be);
            else if (bi >= end) clauseEnd = Math.Min(clauseEnd, bi);
        }

        Marker? before = null, after = null, beforeAnywhere = null, afterAnywhere = null;
        foreach (var m in markers)
        {
            if (Inside(m, excluded)) continue;
            if (m.End <= start)
            {
                beforeAnywhere = m;
                if (m.Index >= clauseStart) before = m;
            }
            else if (m.Index >= end)
            {
                afterAnywhere ??= m;
                if (m.End <= clauseEnd) after ??= m;
            }
        }

        return (before ?? after ?? afterAnywhere ?? beforeAnywhere)?.Kind ?? TenseReading.None;
    }

    private static bool Inside(Marker m, IReadOnlyList<(int Index, int End)> spans)
    {
        foreach (var (i, e) in spans)
        {
            if (m.Index < e && i < m.End) return true;
        }

        return false;
    }
}
