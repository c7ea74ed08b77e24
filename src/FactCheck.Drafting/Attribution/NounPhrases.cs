using FactCheck.Claims.Model;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Attribution;

/// <summary>Reads the noun phrase that names a speaker on either side of a speech verb, and classifies it.</summary>
internal static class NounPhrases
{
    /// <summary>The phrase ending just before token <paramref name="end"/> (exclusive), walking back over name and title words.</summary>
    public static (int First, int Last)? Backward(IReadOnlyList<Token> tokens, int end)
    {
        var last = end - 1;
        if (last < 0 || !tokens[last].IsWord) return null;
        if (Lexicon.Pronouns.Contains(tokens[last].Lower)) return (last, last);
        var first = last + 1;
        for (var i = last; i >= 0; i--)
        {
            var t = tokens[i];

            // A plural possessive printed as a separate mark ("the operators' association") opens the phrase too.
            if (t.Kind == TokenKind.Punct && t.Text is "'" or "’" && i > 0 && tokens[i - 1].IsWord && tokens[i - 1].Lower.EndsWith('s') && first <= last)
            {
                first = i - 1;
                if (i > 1 && Lexicon.Determiners.Contains(tokens[i - 2].Lower)) first = i - 2;
                break;
            }

            if (!t.IsWord) break;
            if (Lexicon.Determiners.Contains(t.Lower))
            {
                if (first <= last) first = i;
                break;
            }

            var possessive = IsPossessive(t);
            var qualifies = first <= last && Lexicon.RoleModifiers.Contains(t.Lower)
                && (Lexicon.TitleWords.Contains(tokens[first].Lower) || Lexicon.RoleModifiers.Contains(tokens[first].Lower));
            var fits = qualifies || IsNameWord(tokens, i) || Lexicon.TitleWords.Contains(t.Lower)
                || possessive || Lexicon.Nationalities.ContainsKey(t.Lower) || Lexicon.IntermediaryHeads.Contains(t.Lower)
                || Lexicon.DocumentHeads.Contains(t.Lower) || Lexicon.OrganisationWords.Contains(t.Lower);
            if (!fits) break;
            first = i;

            // A possessive opens the phrase ("Russia's defence minister"); nothing before it belongs.
            if (possessive) break;
        }

        return first <= last ? (first, last) : null;
    }

    /// <summary>The phrase starting at token <paramref name="start"/> ("said Vladimir Putin", "said the ministry").</summary>
    public static (int First, int Last)? Forward(IReadOnlyList<Token> tokens, int start)
    {
        if (start >= tokens.Count || !tokens[start].IsWord) return null;
        if (Lexicon.Pronouns.Contains(tokens[start].Lower)) return (start, start);
        var last = start - 1;
        for (var i = start; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsWord) break;
            var fits = (Lexicon.Determiners.Contains(t.Lower) && i == start) || IsNameWord(tokens, i)
                || (Lexicon.RoleModifiers.Contains(t.Lower) && i + 1 < tokens.Count && (Lexicon.TitleWords.Contains(tokens[i + 1].Lower) || Lexicon.RoleModifiers.Contains(tokens[i + 1].Lower)))
                || Lexicon.TitleWords.Contains(t.Lower) || IsPossessive(t) || Lexicon.Nationalities.ContainsKey(t.Lower)
                || Lexicon.IntermediaryHeads.Contains(t.Lower) || Lexicon.OrganisationWords.Contains(t.Lower);
            if (!fits) break;
            last = i;
        }

        return last >= start && !(last == start && Lexicon.Determiners.Contains(tokens[start].Lower)) ? (start, last) : null;
    }

    /// <summary>
    /// A capitalised word that can be part of a name: not a sentence opener, weekday or month — except a month that
    /// follows a name or a title ("Theresa May", "Prime Minister May", "Mrs May"; not "Friday May" or "in May").
    /// </summary>
    public static bool IsNameWord(IReadOnlyList<Token> tokens, int i)
    {
        var t = tokens[i];
        if (!t.IsCapitalised) return false;
        if (!Lexicon.NotNames.Contains(t.Lower)) return true;
        if (!Lexicon.NameMonths.Contains(t.Lower) || i == 0) return false;
        var before = tokens[i - 1];
        return before.IsWord && char.IsUpper(before.Text[0]) && !Lexicon.NotNames.Contains(before.Lower);
    }

    public static bool IsPossessive(Token t) =>
        t.IsWord && (t.Text.EndsWith("'s", StringComparison.Ordinal) || t.Text.EndsWith("’s", StringComparison.Ordinal)) && t.Text.Length > 2;

    /// <summary>Cuts a phrase into role and name and decides what kind of claimant it names.</summary>
    public static Mention Classify(string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        var printed = text[tokens[first].Start..tokens[last].End];
        if (first == last && Lexicon.Pronouns.Contains(tokens[first].Lower))
        {
            return new Mention(printed, tokens[first].Start, tokens[last].End, null, null, ClaimantKind.Person, IsPronoun: true);
        }

        var words = tokens.Skip(first).Take(last - first + 1).ToList();
        var lead = 0;
        while (lead < words.Count && Lexicon.Determiners.Contains(words[lead].Lower)) lead++;

        // The name is the run of capitalised words after the last title word ("Russian Defence Minister | Sergei Shoigu").
        var nameStart = words.Count;
        for (var i = words.Count - 1; i >= lead; i--)
        {
            var w = words[i];
            var isTitle = Lexicon.TitleWords.Contains(w.Lower) || Lexicon.Nationalities.ContainsKey(w.Lower) || IsPossessive(w);
            if (isTitle || !w.IsCapitalised) break;
            nameStart = i;
        }

        string? nationality = null;
        var roleWords = new List<string>();
        string? head = null;
        for (var i = lead; i < nameStart; i++)
        {
            var lower = words[i].Lower;
            if (Lexicon.Nationalities.TryGetValue(lower, out var n))
            {
                nationality ??= n;
                continue;
            }

            if (Lexicon.Honorifics.Contains(lower)) continue;
            var word = Lexicon.RoleWord(lower);
            roleWords.Add(word);
            if (Lexicon.TitleHeads.Contains(lower) || Lexicon.TitleHeads.Contains(word)) head = word;
        }

        var roleTokens = words.Skip(lead).Take(nameStart - lead).Where(w => !Lexicon.Honorifics.Contains(w.Lower)).ToList();
        var role = roleTokens.Count > 0 ? text[roleTokens[0].Start..roleTokens[^1].End] : null;
        var name = nameStart < words.Count ? text[words[nameStart].Start..words[^1].End] : null;

        var all = words.Select(w => w.Lower).ToList();
        var kind = ClaimantKind.Unknown;

        // A name after a title is a person, whatever the title names ("Union representative Grete Olsen").
        if (name is not null && head is not null) kind = ClaimantKind.Person;
        else if (all.Any(Lexicon.DocumentHeads.Contains) && !all.Any(w => Lexicon.TitleHeads.Contains(w))) kind = ClaimantKind.Document;
        else if (all.Any(Lexicon.OrganisationWords.Contains) || (name is not null && IsAcronym(name))) kind = ClaimantKind.Organisation;
        else if (head is not null || (name is not null && name.Contains(' '))) kind = ClaimantKind.Person;

        // A role alone ("the ministry", "the report") is named by its whole phrase without the article.
        if (name is null && kind is ClaimantKind.Organisation or ClaimantKind.Document)
        {
            name = text[words[lead].Start..words[^1].End];
            role = null;
        }

        return new Mention(printed, tokens[first].Start, tokens[last].End, name, role, kind, IsPronoun: false)
        {
            Nationality = nationality,
            RoleWords = roleWords,
            Head = head,
        };
    }

    private static bool IsAcronym(string name) =>
        name.Length >= 2 && !name.Contains(' ') && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.');
}
