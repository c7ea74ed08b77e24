namespace FactCheck.Rules.Expressions.Syntax;

/// <summary>
/// Pratt parser. Stops at the first syntax error (later errors are usually noise); nesting is bounded so
/// hostile input yields a diagnostic rather than a stack overflow.
/// </summary>
internal sealed class Parser
{
    // Binding powers, loosest first.
    private const int Or = 1, And = 2, Not = 3, Equality = 4, Relational = 5, Additive = 6, Multiplicative = 7;

    private readonly List<Token> _tokens;
    private readonly Action<int, string> _error;
    private readonly int _maxNesting;
    private readonly int _maxTreeDepth;
    private int _index;
    private int _nesting;

    private sealed class ParseAbort : Exception;

    private Parser(List<Token> tokens, Action<int, string> error, ExpressionLimits limits)
    {
        _tokens = tokens;
        _error = error;
        _maxNesting = limits.MaxDepth;
        _maxTreeDepth = limits.MaxDepth * 4;
    }

    /// <summary>Parses a whole expression; returns null after reporting an error.</summary>
    public static SyntaxNode? Parse(string text, Action<int, string> error, ExpressionLimits limits)
    {
        if (text.Length > limits.MaxLength)
        {
            error(0, $"expression is too long ({text.Length} characters; the limit is {limits.MaxLength})");
            return null;
        }
        bool lexFailed = false;
        var tokens = new Lexer(text, (at, m) => { lexFailed = true; error(at, m); }).Tokenize();
        if (lexFailed) return null;
        var parser = new Parser(tokens, error, limits);
        try
        {
            if (parser.Peek.Kind == TokenKind.End)
            {
                error(0, "expression is empty");
                return null;
            }
            var node = parser.ParseExpression(0);
            if (parser.Peek.Kind != TokenKind.End) parser.Unexpected(parser.Peek);
            return node;
        }
        catch (ParseAbort)
        {
            return null;
        }
    }

    private Token Peek => _tokens[_index];
    private Token PeekAt(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];
    private Token Take() => _tokens[_index++];

    private ParseAbort Fail(int at, string message)
    {
        _error(at, message);
        return new ParseAbort();
    }

    private void Unexpected(Token t)
    {
        if (t.Kind == TokenKind.End) throw Fail(t.Start, "unexpected end of expression");
        if (t.Kind == TokenKind.Identifier && t.Text == "new")
            throw Fail(t.Start, "creating objects ('new') is not allowed in expressions");
        string hint = t.Kind == TokenKind.Identifier || t.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Real
            ? " (missing operator such as '&&' or '=='?)" : "";
        throw Fail(t.Start, $"unexpected '{t.Text}'{hint}");
    }

    private void Expect(string op, int openedAt)
    {
        if (Peek.Is(op)) { _index++; return; }
        if (Peek.Kind == TokenKind.End) throw Fail(openedAt, $"missing '{op}' to close this");
        Unexpected(Peek);
    }

    private T Checked<T>(T node) where T : SyntaxNode
    {
        if (node.Depth > _maxTreeDepth)
            throw Fail(node.Start, $"expression is too deeply nested (more than {_maxTreeDepth} levels)");
        return node;
    }

    private void Enter(int at)
    {
        if (++_nesting > _maxNesting)
            throw Fail(at, $"expression is too deeply nested (more than {_maxNesting} levels)");
    }

    private static int InfixPower(Token t, Token next)
    {
        if (t.Kind == TokenKind.Operator)
        {
            return t.Text switch
            {
                "||" => Or,
                "&&" => And,
                "==" or "!=" => Equality,
                "<" or "<=" or ">" or ">=" => Relational,
                "+" or "-" => Additive,
                "*" or "/" or "%" => Multiplicative,
                _ => 0,
            };
        }
        if (t.Kind == TokenKind.Identifier)
        {
            return t.Text switch
            {
                "or" => Or,
                "and" => And,
                "in" => Relational,
                "not" when next.Is("in") => Relational,
                _ => 0,
            };
        }
        return 0;
    }

    private SyntaxNode ParseExpression(int minPower)
    {
        Enter(Peek.Start);
        SyntaxNode left;
        if (Peek.Is("not") && Peek.Kind == TokenKind.Identifier && !PeekAt(1).Is("in"))
        {
            var notToken = Take();
            // 'not' binds looser than comparisons: not a == b means not (a == b).
            left = Checked(new UnaryNode("!", ParseExpression(Not), notToken.Start));
        }
        else
        {
            left = ParseUnary();
        }
        while (true)
        {
            var op = Peek;
            int power = InfixPower(op, PeekAt(1));
            if (power == 0 || power <= minPower) break;
            Take();
            if (op.Text is "in" || (op.Text == "not" && op.Kind == TokenKind.Identifier))
            {
                bool negated = op.Text == "not";
                if (negated) Take();
                var collection = ParseExpression(power);
                left = Checked(new InNode(left, collection, negated, op.Start));
                continue;
            }
            string symbol = op.Text switch { "or" => "||", "and" => "&&", _ => op.Text };
            var right = ParseExpression(power);
            left = Checked(new BinaryNode(symbol, left, right, op.Start));
        }
        _nesting--;
        return left;
    }

    private SyntaxNode ParseUnary()
    {
        var t = Peek;
        if (t.Is("!") || t.Is("-"))
        {
            Take();
            Enter(t.Start);
            var operand = ParseUnary();
            _nesting--;
            return Checked(new UnaryNode(t.Text, operand, t.Start));
        }
        return ParsePostfix(ParsePrimary());
    }

    private SyntaxNode ParsePostfix(SyntaxNode node)
    {
        while (true)
        {
            var t = Peek;
            if (t.Is("."))
            {
                Take();
                var name = Take();
                if (name.Kind != TokenKind.Identifier)
                    throw Fail(name.Start, "expected a property name after '.'");
                if (Peek.Is("("))
                    throw Fail(name.Start,
                        $"calling methods on values ('{name.Text}(...)') is not allowed; only library functions can be called, as name(arguments)");
                node = Checked(new MemberNode(node, name.Text, name.Start, name.End));
            }
            else if (t.Is("("))
            {
                throw Fail(t.Start, "only library functions can be called, as name(arguments)");
            }
            else if (t.Is("["))
            {
                throw Fail(t.Start, "indexing with [...] is not supported; lists may only follow 'in'");
            }
            else
            {
                return node;
            }
        }
    }

    private SyntaxNode ParsePrimary()
    {
        var t = Take();
        switch (t.Kind)
        {
            case TokenKind.String:
            case TokenKind.Integer:
            case TokenKind.Real:
            case TokenKind.Date:
                return new LiteralNode(t.Value, t.Start, t.End);
            case TokenKind.Identifier:
                switch (t.Text)
                {
                    case "true": return new LiteralNode(true, t.Start, t.End);
                    case "false": return new LiteralNode(false, t.Start, t.End);
                    case "null": return new LiteralNode(null, t.Start, t.End);
                    case "and" or "or" or "in" or "not": Unexpected(t); break;
                    case "new" when Peek.Kind == TokenKind.Identifier:
                        throw Fail(t.Start, "creating objects ('new') is not allowed in expressions");
                }
                if (Peek.Is("(")) return ParseCall(t);
                return new NameNode(t.Text, t.Start, t.End);
            case TokenKind.Operator when t.Text == "(":
            {
                var inner = ParseExpression(0);
                Expect(")", t.Start);
                return Checked(new ParenNode(inner, t.Start, _tokens[_index - 1].End));
            }
            case TokenKind.Operator when t.Text == "[":
            {
                var (items, depth) = ParseList("]", t.Start);
                return Checked(new ListNode(items, t.Start, _tokens[_index - 1].End, depth + 1));
            }
        }
        _index--;
        Unexpected(t);
        throw new InvalidOperationException("unreachable");
    }

    private SyntaxNode ParseCall(Token name)
    {
        var open = Take();
        var (args, depth) = ParseList(")", open.Start);
        return Checked(new CallNode(name.Text, args, name.Start, _tokens[_index - 1].End, depth + 1));
    }

    private (List<SyntaxNode> Items, int Depth) ParseList(string close, int openedAt)
    {
        var items = new List<SyntaxNode>();
        int depth = 0;
        if (Peek.Is(close)) { Take(); return (items, depth); }
        while (true)
        {
            var item = ParseExpression(0);
            items.Add(item);
            depth = Math.Max(depth, item.Depth);
            if (Peek.Is(",")) { Take(); continue; }
            Expect(close, openedAt);
            return (items, depth);
        }
    }
}
