using System.Collections.Frozen;
using System.Text;

namespace FactCheck.Claims.Loading;

/// <summary>Maps enum members to the kebab-case words editors write (<c>DirectQuote</c> is <c>direct-quote</c>).</summary>
public static class KebabCase
{
    public static string Of(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }

        return sb.ToString();
    }

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByWord.TryGetValue(text, out value);

    public static IReadOnlyList<string> Words<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Words;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Words = Enum.GetValues<TEnum>().Select(v => Of(v.ToString())).ToArray();
        public static readonly FrozenDictionary<string, TEnum> ByWord =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => Of(v.ToString()), StringComparer.Ordinal);
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Of(v.ToString()));
    }
}
