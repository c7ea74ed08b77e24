namespace FactCheck.Drafting.Text;

internal static class TokenExtensions
{
    /// <summary>The token's position in its sentence (tokens are few; a scan is cheaper than storing it).</summary>
    public static int Index(this Token token, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token)) return i;
        }

        return -1;
    }
}
