using System.Text;
using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting;

/// <summary>Readable ids: the speaker's last name and the quote's first content words, kebab-case, unique against what exists.</summary>
/// <param name="taken">Whether an id is recorded already.</param>
internal sealed class Slugs(Func<string, bool> taken)
{
    private const int MaxLength = 60;

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was", "were", "be",
        "been", "that", "this", "it", "its", "as", "we", "our", "they", "their", "he", "his", "she", "her", "i", "said", "says", "will",
        "would", "has", "have", "had", "but", "not", "no",
    };

    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    public Slugs(IEnumerable<string> taken)
        : this(new HashSet<string>(taken, StringComparer.Ordinal).Contains)
    {
    }

    public string For(string speaker, string words)
    {
        var who = Words.Of(speaker).LastOrDefault() ?? "claim";
        var content = Words.Of(words).Where(w => !Stop.Contains(w)).Take(6);
        var negated = Words.Of(words).Take(12).Contains("not") ? "not-" : "";
        var sb = new StringBuilder(Clean(who));
        var first = true;
        foreach (var w in content)
        {
            var part = Clean(w);
            if (part.Length == 0) continue;
            var add = (first ? negated : "") + part;
            first = false;
            if (sb.Length + 1 + add.Length > MaxLength) break;
            sb.Append('-').Append(add);
        }

        var slug = sb.ToString();
        var unique = slug;
        for (var n = 2; taken(unique) || !_given.Add(unique); n++) unique = $"{slug}-{n}";
        return unique;
    }

    private static string Clean(string w)
    {
        var sb = new StringBuilder();
        foreach (var c in w)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
        }

        return sb.ToString();
    }
}
