using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

/// <summary>Random token soup: compiling never throws, and whatever compiles evaluates or fails with an evaluation error.</summary>
public sealed class FuzzTests : ExpressionTestBase
{
    private static readonly string[] Tokens =
    [
        "c", "a", "b", ".", "Statement", "Speaker", "Count", "Rank", "Source", "Outlet", "Year", "Disputed", "Tags", "Kind",
        "Published", "EventDate", "Quote", "Words", "(", ")", "[", "]", ",", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
        "and", "or", "not", "in", "!", "+", "-", "*", "/", "%", "0", "1", "2.5", "'x'", "'Quote'", "null", "true", "false",
        "@2023-11-08", "lower", "len", "contains", "regex", "'a+'", "coalesce", "similarity", "count", "fold", "date", "'2023-01-01'",
    ];

    [Fact]
    public void Random_token_sequences_never_throw_from_the_compiler()
    {
        var random = new Random(20231108);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++)
        {
            int n = random.Next(1, 14);
            var text = string.Join(" ", Enumerable.Range(0, n).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var condition = Condition(text);
            var value = Value(text);
            var template = Compiler.CompileTemplate(new ExpressionSource("x{" + text + "}y"), Scope());
            Assert.Equal(condition.Success, condition.Diagnostics.Count == 0);
            Assert.Equal(value.Success, value.Diagnostics.Count == 0);
            Assert.Equal(template.Success, template.Diagnostics.Count == 0);
            if (!value.Success) continue;
            compiled++;
            var facts = new Dictionary<string, object?>
            {
                ["c"] = i % 2 == 0 ? TestClaim.Sample() : TestClaim.Sample() with { Speaker = null, Source = null, Count = 0 },
                ["a"] = Article(),
                ["b"] = Article(source: new Source("X", null, 1)),
            };
            try
            {
                value.Evaluate(value.UsedNames.Select(name => facts[name]).ToArray());
            }
            catch (ExpressionEvaluationException)
            {
                // division by zero, overflow: reported per fact, which is the contract.
            }
        }
        Assert.True(compiled > 200, $"only {compiled} random expressions compiled; the generator is too weak");
    }
}
