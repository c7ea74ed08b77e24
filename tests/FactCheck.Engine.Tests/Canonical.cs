using System.Collections;

namespace FactCheck.Engine.Tests;

/// <summary>Order-insensitive text forms of matches, to compare the engine with the reference.</summary>
internal static class Canonical
{
    public static List<string> Of(IEnumerable<RuleMatch> matches) =>
        matches.Select(m => $"{m.Rule.Name}({string.Join(",", m.Names.Zip(m.Facts, (n, v) => $"{n}={Value(v)}"))})")
            .Order(StringComparer.Ordinal).ToList();

    public static string Value(object? v) => v switch
    {
        null => "null",
        Item i => $"I{i.Id}",
        Tag t => $"T{t.Id}",
        Mark m => $"M{m.SourceId}",
        Claim c => $"C{c.Id}",
        IEnumerable e when v.GetType().GetProperty("Key") is { } key => $"G{key.GetValue(v)}:[{Items(e)}]",
        string s => s,
        IEnumerable e => $"[{Items(e)}]",
        _ => v.ToString() ?? "",
    };

    private static string Items(IEnumerable e) => string.Join(",", e.Cast<object?>().Select(Value).Order(StringComparer.Ordinal));
}
