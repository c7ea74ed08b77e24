namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// A JSON value with the byte offset it starts at in its block, so a missing or malformed property is reported at
/// its own <c>line:col</c> (System.Text.Json's documents keep no positions).
/// </summary>
internal sealed class LdNode
{
    public enum NodeKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    public required NodeKind Kind { get; init; }

    /// <summary>Where the value starts, in bytes from the start of its JSON block.</summary>
    public required int Offset { get; init; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string? Text { get; init; }

    public List<KeyValuePair<string, LdNode>>? Members { get; init; }

    public List<LdNode>? Items { get; init; }

    public bool IsObject => Kind == NodeKind.Object;

    /// <summary>The value of a property, accepting the prefixed forms JSON-LD allows (<c>schema:name</c>, the full IRI).</summary>
    public LdNode? this[string name]
    {
        get
        {
            if (Members is null) return null;
            foreach (var (key, value) in Members)
            {
                if (Matches(key, name)) return value;
            }

            return null;
        }
    }

    /// <summary>A property's values: an array's items, or the single value.</summary>
    public IEnumerable<LdNode> All(string name) => this[name] switch
    {
        null => [],
        { Kind: NodeKind.Array, Items: { } items } => items,
        var one => [one],
    };

    /// <summary>Whether <c>@type</c> names <paramref name="type"/> (a string or a list; prefixed forms accepted).</summary>
    public bool HasType(string type) => All("@type").Any(t => t.Kind == NodeKind.String && Matches(t.Text!, type));

    /// <summary>The first <c>@type</c>, without prefix.</summary>
    public string? TypeName => All("@type").FirstOrDefault(t => t.Kind == NodeKind.String)?.Text is { } t ? Unprefixed(t) : null;

    private static bool Matches(string key, string name) => key == name || (name[0] != '@' && Unprefixed(key) == name);

    private static string Unprefixed(string key)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["schema:", "http://schema.org/", "https://schema.org/"])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return key[prefix.Length..];
        }

        return key;
    }
}
