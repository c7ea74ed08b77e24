using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public sealed class DiagnosticTests : ExpressionTestBase
{
    [Fact]
    public void Positions_are_offset_by_the_location_in_the_yaml_file()
    {
        var e = Condition("c.Count == 3 && c.Statment == 'x'", line: 12, column: 15);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(12, d.Line);
        Assert.Equal(15 + 18, d.Column);
        Assert.Equal("TestClaim has no property 'Statment'; did you mean 'Statement'?", d.Message);
        Assert.Equal("12:33: TestClaim has no property 'Statment'; did you mean 'Statement'?", d.ToString());
    }

    [Fact]
    public void Continuation_lines_use_the_block_indent()
    {
        var source = new ExpressionSource("c.Count == 3\n&& c.Statment == 'x'", 7, 11, ContinuationIndent: 6);
        var d = Assert.Single(Compiler.CompileCondition(source, Scope()).Diagnostics);
        Assert.Equal((8, 12), (d.Line, d.Column)); // at "Statment", offset 5 on the second line
    }

    [Fact]
    public void Type_error_names_both_sides()
    {
        var d = SingleError("c.Statement == 3");
        Assert.Equal("'Statement' is text, cannot compare with number 3", d.Message);
        Assert.Equal(13, d.Column);
    }

    [Fact]
    public void All_errors_in_one_expression_are_collected()
    {
        var e = Condition("c.Statment == 'x' && lowr(c.Speaker) == 'y' && d.Count > 1 && c.Count == 'three'");
        Assert.Equal(4, e.Diagnostics.Count);
        Assert.Contains("did you mean 'Statement'", e.Diagnostics[0].Message);
        Assert.Equal("unknown function 'lowr'; did you mean 'lower'?", e.Diagnostics[1].Message);
        Assert.Equal(22, e.Diagnostics[1].Column);
        Assert.StartsWith("unknown name 'd'", e.Diagnostics[2].Message);
        Assert.Equal("'Count' is a number, cannot compare with text 'three'", e.Diagnostics[3].Message);
    }

    [Theory]
    [InlineData("C.Count == 1", 1, "unknown name 'C'; did you mean 'c'? (bound names: c, a, b)")]
    [InlineData("c.count == 1", 3, "TestClaim has no property 'count'; did you mean 'Count'?")]
    [InlineData("c.Kind == 'Quotes'", 11, "'Quotes' is not a ClaimKind; did you mean 'Quote'? (one of Quote, Statistic, Event)")]
    [InlineData("contains(c.Statement)", 1, "contains(...) takes 2 arguments, but 1 was given")]
    [InlineData("len('a', 'b') == 1", 1, "len(...) takes 1 argument, but 2 were given")]
    [InlineData("lower(3) == 'x'", 1, "lower(...) cannot take (a number); expected lower(text)")]
    [InlineData("c.Count", 1, "a condition must be true or false, but this expression is a number")]
    [InlineData("c.Count && true", 9, "'&&' / 'and' needs true/false values on both sides, but the left side is a number")]
    [InlineData("c.Count < null", 9, "'<' cannot be used with null; only '== null' and '!= null' test for a missing value")]
    [InlineData("c.Statement - 1 == 2", 13, "'-' needs numbers, but the left side is text")]
    [InlineData("c.Statement.Length > 3", 13, "text has no properties ('.Length'); use functions such as len(...), lower(...), contains(...)")]
    [InlineData("c.Tags == 'x'", 8, "lists cannot be compared with '=='; use count(...), any(...) or 'in'")]
    [InlineData("lower == 'x'", 1, "'lower' is a function; call it as lower(...)")]
    [InlineData("c.Count = 3", 9, "unexpected character '='; use '==' to compare")]
    [InlineData("c.Count == ", 12, "unexpected end of expression")]
    [InlineData("(c.Count == 3", 1, "missing ')' to close this")]
    [InlineData("c.Statement == 'abc", 16, "unterminated text: missing closing '")]
    [InlineData("c.Published == @2023-13-01", 16, "invalid date '@2023-13-01': write dates as @yyyy-MM-dd, e.g. @2023-11-08")]
    [InlineData("c.Count == 99999999999999999999", 12, "number '99999999999999999999' is too large (the largest whole number is 9223372036854775807)")]
    [InlineData("c.Count == 3 c.Verified", 14, "unexpected 'c' (missing operator such as '&&' or '=='?)")]
    [InlineData("", 1, "expression is empty")]
    [InlineData("[1, 2]", 1, "a list [...] can only appear after 'in' or 'not in'")]
    [InlineData("c.Count in 3", 12, "'in' needs a list [...], a list property or text on its right, but this is a number")]
    [InlineData("regex(c.Statement, c.Speaker)", 20, "the regex pattern must be a quoted literal, e.g. regex(c.Statement, '^[0-9]+%')")]
    [InlineData("regex(c.Statement, '(a')", 20, "invalid regex pattern: Invalid pattern '(a' at offset 2. Not enough )'s.")]
    [InlineData("regex(c.Statement, '(a)\\\\1')", 20, "regex pattern uses a construct that needs backtracking (back-references, look-arounds, atomic groups or possessive quantifiers), which is not allowed")]
    [InlineData("date(c.Statement) == @2023-01-01", 6, "date(...) takes a quoted literal, e.g. date('2023-11-08')")]
    [InlineData("coalesce(c.Count, 'x') == 1", 1, "coalesce(...) arguments must all be of the same kind (all text, all numbers, ...)")]
    public void Error_messages(string text, int column, string message)
    {
        var d = SingleError(text);
        Assert.Equal(message, d.Message);
        Assert.Equal(column, d.Column);
    }

    [Fact]
    public void Template_errors_point_inside_the_braces()
    {
        var t = Compiler.CompileTemplate(new ExpressionSource("Quote differs: {a.Quot} vs {b.Quote}", 3, 14), Scope());
        var d = Assert.Single(t.Diagnostics);
        Assert.Equal((3, 14 + 18), (d.Line, d.Column));
        Assert.Contains("did you mean 'Quote'", d.Message);
    }

    [Theory]
    [InlineData("Missing {a.Quote", 9, "unclosed '{' in message; write '{{' for a literal brace")]
    [InlineData("Stray } here", 7, "single '}' in message; write '}}' for a literal brace")]
    [InlineData("Empty {} here", 7, "empty {} in message; put an expression inside or write '{{}}'")]
    [InlineData("Bad {a.Quote ==} here", 16, "unexpected end of expression")]
    public void Template_syntax_errors(string text, int column, string message)
    {
        var t = Compiler.CompileTemplate(new ExpressionSource(text), Scope());
        var d = Assert.Single(t.Diagnostics);
        Assert.Equal(message, d.Message);
        Assert.Equal(column, d.Column);
    }
}
