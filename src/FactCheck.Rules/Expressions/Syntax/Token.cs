namespace FactCheck.Rules.Expressions.Syntax;

/// <summary>One lexical token; <see cref="Text"/> is the operator or identifier spelling.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Start, int End, object? Value = null)
{
    public bool Is(string op) => (Kind == TokenKind.Operator || Kind == TokenKind.Identifier) && Text == op;
}
