namespace FactCheck.Rules.Expressions.Syntax;

internal enum TokenKind
{
    End, Identifier, String, Integer, Real, Date, Operator, Error,
}
