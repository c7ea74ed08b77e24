namespace FactCheck.Rules.Facts;

/// <summary>A link an editor drew between two claims: <c>same-as</c>, <c>contradicts</c> or <c>supports</c>.</summary>
public sealed record ClaimLinkFact(string From, string To, string Kind, string File, int Line, int Column) : IFact
{
    public string Key => $"link:{From}:{Kind}:{To}";
}
