namespace FactCheck.Rules.Expressions.Binding;

/// <summary>Marker type of the untyped <c>null</c> literal until it is converted to the type it meets.</summary>
internal sealed class NullLiteral
{
    private NullLiteral() { }
}
