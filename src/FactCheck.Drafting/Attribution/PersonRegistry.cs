using FactCheck.Claims.Model;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Attribution;

/// <summary>
/// The people an article names, found before attribution so that a later "Putin" is the earlier "Vladimir
/// Putin", and "the Chinese general" is the person printed as "Chinese General Zhang Youxia".
/// </summary>
internal sealed class PersonRegistry
{
    private readonly List<Person> _people = [];

    public IReadOnlyList<Person> People => _people;

    public static PersonRegistry Build(Article article)
    {
        var registry = new PersonRegistry();
        foreach (var sentence in article.Sentences)
        {
            var titleCase = IsTitleCase(sentence);
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!StartsPhrase(tokens[i])) continue;
                var span = NounPhrases.Forward(tokens, i);
                if (span is not { } s) continue;
                var mention = NounPhrases.Classify(article.Text, tokens, s.First, s.Last);
                i = s.Last;
                if (mention.Kind != ClaimantKind.Person || mention.Name is null) continue;

                // A name after a title is a person ("Gen. Zhang Youxia"); other capitalised runs ("Great Hall") become
                // people only as the subject of a speech verb (attribution registers those) or when already known.
                var titled = mention.Role is not null && mention.Head is not null;
                var name = titleCase ? HeadlineName(article.Text, sentence, mention.Name) : mention.Name;
                if (name is null || (!titled && registry.Find(name) is null)) continue;
                var person = registry.See(name, mention.Start);
                if (titled) person.AddRole(mention.Role!, mention.Nationality, mention.RoleWords);

                // An apposition after the name: "Zhang Youxia, vice chairman of China's Central Military Commission,".
                if (s.Last + 2 < tokens.Count && tokens[s.Last + 1].Text == "," && IsRoleStart(tokens[s.Last + 2]))
                {
                    var end = s.Last + 2;
                    while (end + 1 < tokens.Count && tokens[end + 1].Text is not ("," or "." or ";" or ":") && tokens[end + 1].Kind != TokenKind.Quote) end++;
                    var printed = article.Text[tokens[s.Last + 2].Start..tokens[end].End];
                    var words = tokens.Skip(s.Last + 2).Take(end - s.Last - 1).Select(t => Lexicon.RoleWord(t.Lower)).ToList();
                    var nationality = tokens.Skip(s.Last + 2).Take(end - s.Last - 1)
                        .Select(t => Lexicon.Nationalities.GetValueOrDefault(t.Lower)).FirstOrDefault(n => n is not null);
                    person.AddRole(printed, nationality, words);
                }
            }
        }

        return registry;
    }

    /// <summary>
    /// A headline in title case capitalises verbs and nouns alike ("President Obama Gives Final News Conference"): a
    /// run of more than three capitalised words is cut to the words the article prints capitalised elsewhere.
    /// </summary>
    private static string? HeadlineName(string text, Sentence heading, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 3) return name;
        var elsewhere = text[..heading.Start] + " " + text[heading.End..];
        var kept = words.TakeWhile(w => System.Text.RegularExpressions.Regex.IsMatch(elsewhere, $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(w)}(?![\p{{L}}\p{{N}}])")).ToList();
        return kept.Count > 0 ? string.Join(' ', kept) : null;
    }

    private static bool IsTitleCase(Sentence s)
    {
        if (!s.IsHeadingLike) return false;
        var words = s.Tokens.Where(t => t.IsWord && t.Text.Length > 3 && char.IsLetter(t.Text[0])).ToList();
        return words.Count >= 3 && words.Count(t => char.IsUpper(t.Text[0])) * 4 >= words.Count * 3;
    }

    /// <summary>The person named last before <paramref name="offset"/>: what a "he" or "she" with nothing nearer refers to.</summary>
    public Person? LastNamedBefore(int offset) =>
        _people.Select(p => (Person: p, Last: p.Mentions.Where(m => m < offset).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Last >= 0).OrderByDescending(x => x.Last).Select(x => x.Person).FirstOrDefault();

    private static bool StartsPhrase(Token t) =>
        t.IsWord && (t.IsCapitalised || Lexicon.TitleWords.Contains(t.Lower) || Lexicon.Nationalities.ContainsKey(t.Lower))
        && !Lexicon.NotNames.Contains(t.Lower);

    private static bool IsRoleStart(Token t) =>
        t.IsWord && (Lexicon.TitleWords.Contains(t.Lower) || Lexicon.Nationalities.ContainsKey(t.Lower)
            || (Lexicon.Determiners.Contains(t.Lower) && t.Lower is "the"));

    public Person See(string name, int offset)
    {
        var person = Find(name);
        if (person is null)
        {
            person = new Person(name);
            _people.Add(person);
        }

        person.SeeName(name);
        person.Mentions.Add(offset);
        return person;
    }

    /// <summary>The person a printed name refers to: the same name, or one of its words ("Putin", "Zhang").</summary>
    public Person? Find(string name)
    {
        var exact = _people.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1) return _people.FirstOrDefault(p => p.Answers(parts[0]));

        // "Sergei Shoigu" seen first as "Shoigu": the longer name is the same person when it ends or starts the same.
        return _people.FirstOrDefault(p => p.NameTokens.Length == 1 && parts.Any(p.Answers));
    }

    /// <summary>
    /// The person a role printed without a name refers to ("Russia's defence minister", "the Chinese general"): one
    /// whose printed roles hold the same office and country. The latest mentioned before <paramref name="offset"/> wins;
    /// failing that, the first named after it (a standfirst naming the minister before the body does).
    /// </summary>
    public (Person Person, bool Forward)? ByRole(Mention mention, int offset)
    {
        if (mention.Head is null) return null;
        var wanted = mention.RoleWords.Where(w => Lexicon.TitleWords.Contains(w) || w is "defence").ToHashSet(StringComparer.OrdinalIgnoreCase);
        // "The president" is the sitting one, not a "former President" the article also names.
        var fits = _people.Where(p => p.Roles.Any(r =>
            r.Words.Contains(mention.Head)
            && (!r.Words.Contains("former") || mention.RoleWords.Contains("former"))
            && wanted.All(r.Words.Contains)
            && (mention.Nationality is null || r.Nationality is null || r.Nationality == mention.Nationality))).ToList();
        if (fits.Count == 0) return null;
        var before = fits.Select(p => (Person: p, Last: p.Mentions.Where(m => m < offset).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Last >= 0).OrderByDescending(x => x.Last).FirstOrDefault();
        if (before.Person is not null) return (before.Person, false);
        var after = fits.OrderBy(p => p.Mentions.Min()).First();
        return (after, true);
    }
}
