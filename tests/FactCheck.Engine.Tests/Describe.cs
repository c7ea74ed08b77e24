namespace FactCheck.Engine.Tests;

/// <summary>Readable rule trees for failure messages.</summary>
internal static class Describe
{
    public static string Of(RuleElement e) => e switch
    {
        PatternElement p => $"{p.Name}:{p.FactType.Name}[{string.Join(" ; ", p.Conditions)}]",
        AndElement a => $"and({string.Join(", ", a.Children.Select(Of))})",
        OrElement o => $"or({string.Join(", ", o.Children.Select(Of))})",
        NotElement n => $"not({Of(n.Child)})",
        ExistsElement x => $"exists({Of(x.Child)})",
        ForAllElement f => $"forall({Of(f.BasePattern)} => {string.Join(", ", f.MustMatch.Select(Of))})",
        AggregateElement g => $"{g.Name}={g.Kind}({Of(g.Source)}, {g.Selector})",
        ConditionElement c => $"test[{c.Condition}]",
        _ => e.ToString(),
    };
}
