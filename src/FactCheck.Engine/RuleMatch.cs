namespace FactCheck.Engine;

/// <summary>
/// One match of a rule: the names bound by its left-hand side (top-level patterns and aggregates, in declaration order)
/// and the values bound to them. This is the explanation of an activation: which facts made the rule fire.
/// </summary>
public sealed record RuleMatch(RuleDefinition Rule, IReadOnlyList<string> Names, IReadOnlyList<object?> Facts)
{
    /// <summary>The value bound to <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> when the name is not bound.</summary>
    public object? Get(string name) =>
        TryGet(name, out var value) ? value : throw new KeyNotFoundException($"rule '{Rule.Name}' binds no name '{name}' (bound: {string.Join(", ", Names)})");

    /// <summary>The value bound to <paramref name="name"/>, cast to <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => (T)Get(name)!;

    /// <summary>Looks a binding up by name.</summary>
    public bool TryGet(string name, out object? value)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                value = Facts[i];
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new string[Names.Count];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = $"{Names[i]}={Facts[i]}";
        return $"{Rule.Name}({string.Join(", ", parts)})";
    }
}
