using System.Linq.Expressions;

namespace FactCheck.Engine.Tests;

/// <summary>Terse builders for rule models in tests.</summary>
internal static class R
{
    public static PatternElement P<T>(string name, params LambdaExpression[] conditions) => new(name, typeof(T), conditions);

    public static LambdaExpression C<T>(Expression<Func<T, bool>> e) => e;

    public static LambdaExpression C<T1, T2>(Expression<Func<T1, T2, bool>> e) => e;

    public static LambdaExpression C<T1, T2, T3>(Expression<Func<T1, T2, T3, bool>> e) => e;

    public static RuleDefinition Rule(string name, RuleElement lhs, int priority = 0, Action<IActionContext>? action = null) =>
        new(name, priority, lhs, action is null ? [] : [new RuleAction(action)]);

    public static ISession Session(params RuleDefinition[] rules) => RuleCompiler.Compile(rules).CreateSession();

    public static ISession Session(SessionOptions options, params RuleDefinition[] rules) => RuleCompiler.Compile(rules).CreateSession(options);

    /// <summary>The agenda as "rule(v1,v2)" strings in firing order.</summary>
    public static List<string> Agenda(ISession s) => s.Agenda.Select(Show).ToList();

    public static string Show(RuleMatch m) => $"{m.Rule.Name}({string.Join(",", m.Facts.Select(ShowValue))})";

    public static string ShowValue(object? v) => v switch
    {
        null => "null",
        Claim c => $"c{c.Id}",
        Attribution a => $"a{a.ClaimId}",
        Item i => $"i{i.Id}",
        Derived d => $"d{d.Id}",
        string s => s,
        System.Collections.IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(ShowValue)) + "]",
        _ => v.ToString() ?? "",
    };
}
