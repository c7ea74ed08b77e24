namespace FactCheck.Rules.Expressions.Syntax;

/// <summary>Parsed expression; Start/End are offsets into the expression text, Depth bounds recursion later.</summary>
internal abstract record SyntaxNode(int Start, int End, int Depth);

internal sealed record LiteralNode(object? Value, int Start, int End) : SyntaxNode(Start, End, 1);

internal sealed record NameNode(string Name, int Start, int End) : SyntaxNode(Start, End, 1);

internal sealed record MemberNode(SyntaxNode Target, string Member, int MemberStart, int End)
    : SyntaxNode(Target.Start, End, Target.Depth + 1);

internal sealed record CallNode(string Name, IReadOnlyList<SyntaxNode> Arguments, int Start, int End, int Depth)
    : SyntaxNode(Start, End, Depth);

internal sealed record UnaryNode(string Op, SyntaxNode Operand, int Start)
    : SyntaxNode(Start, Operand.End, Operand.Depth + 1);

internal sealed record BinaryNode(string Op, SyntaxNode Left, SyntaxNode Right, int OpStart)
    : SyntaxNode(Left.Start, Right.End, Math.Max(Left.Depth, Right.Depth) + 1);

internal sealed record InNode(SyntaxNode Item, SyntaxNode Collection, bool Negated, int OpStart)
    : SyntaxNode(Item.Start, Collection.End, Math.Max(Item.Depth, Collection.Depth) + 1);

internal sealed record ListNode(IReadOnlyList<SyntaxNode> Items, int Start, int End, int Depth)
    : SyntaxNode(Start, End, Depth);

internal sealed record ParenNode(SyntaxNode Inner, int Start, int End) : SyntaxNode(Start, End, Inner.Depth + 1);
