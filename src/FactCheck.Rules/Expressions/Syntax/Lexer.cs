using System.Globalization;
using System.Text;

namespace FactCheck.Rules.Expressions.Syntax;

/// <summary>Turns expression text into tokens; lexical errors become diagnostics and an Error token.</summary>
internal sealed class Lexer(string text, Action<int, string> error)
{
    private static readonly string[] Operators =
        ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."];

    private int _pos;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var t = Next();
            tokens.Add(t);
            if (t.Kind is TokenKind.End or TokenKind.Error) return tokens;
        }
    }

    private Token Next()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        int start = _pos;
        if (_pos >= text.Length) return new Token(TokenKind.End, "", start, start);
        char c = text[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            return new Token(TokenKind.Identifier, text[start.._pos], start, _pos);
        }
        if (char.IsAsciiDigit(c)) return Number(start);
        if (c is '\'' or '"') return StringLiteral(start, c);
        if (c == '@') return DateLiteral(start);
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return new Token(TokenKind.Operator, op, start, _pos);
            }
        }
        string hint = c switch
        {
            '=' => "; use '==' to compare",
            '&' => "; use '&&' or 'and'",
            '|' => "; use '||' or 'or'",
            '{' or '}' => "; braces are only used for {expressions} inside message templates",
            _ => "",
        };
        return Fail(start, $"unexpected character '{c}'{hint}");
    }

    private Token Fail(int at, string message)
    {
        error(at, message);
        return new Token(TokenKind.Error, "", at, at);
    }

    private Token Number(int start)
    {
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        bool real = false;
        if (_pos + 1 < text.Length && text[_pos] == '.' && char.IsAsciiDigit(text[_pos + 1]))
        {
            real = true;
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        }
        if (_pos < text.Length && text[_pos] is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (_pos < text.Length && text[_pos] is '+' or '-') _pos++;
            if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                real = true;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            }
            else _pos = save;
        }
        if (_pos < text.Length && (char.IsAsciiLetter(text[_pos]) || text[_pos] == '_'))
            return Fail(start, $"invalid number '{text[start..(_pos + 1)]}'");
        string s = text[start.._pos];
        if (real)
        {
            double d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) return Fail(start, $"number '{s}' is too large");
            return new Token(TokenKind.Real, s, start, _pos, d);
        }
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long l))
            return Fail(start, $"number '{s}' is too large (the largest whole number is {long.MaxValue})");
        return new Token(TokenKind.Integer, s, start, _pos, l);
    }

    private Token StringLiteral(int start, char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length) return Fail(start, $"unterminated text: missing closing {quote}");
            char c = text[_pos];
            if (c == quote) { _pos++; break; }
            if (c == '\\')
            {
                if (_pos + 1 >= text.Length) return Fail(_pos, "unterminated escape sequence");
                char e = text[_pos + 1];
                switch (e)
                {
                    case '\\': case '\'': case '"': sb.Append(e); _pos += 2; continue;
                    case 'n': sb.Append('\n'); _pos += 2; continue;
                    case 't': sb.Append('\t'); _pos += 2; continue;
                    case 'r': sb.Append('\r'); _pos += 2; continue;
                    case 'u':
                        if (_pos + 6 <= text.Length &&
                            int.TryParse(text.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp))
                        {
                            sb.Append((char)cp);
                            _pos += 6;
                            continue;
                        }
                        return Fail(_pos, "invalid \\u escape: expected 4 hexadecimal digits");
                    default:
                        return Fail(_pos, $"unknown escape sequence '\\{e}' (use \\\\ for a backslash)");
                }
            }
            sb.Append(c);
            _pos++;
        }
        return new Token(TokenKind.String, text[start.._pos], start, _pos, sb.ToString());
    }

    private Token DateLiteral(int start)
    {
        _pos++;
        while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '-')) _pos++;
        string s = text[(start + 1).._pos];
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return Fail(start, $"invalid date '@{s}': write dates as @yyyy-MM-dd, e.g. @2023-11-08");
        return new Token(TokenKind.Date, text[start.._pos], start, _pos, d);
    }
}
