namespace FactCheck.Rules.Facts;

/// <summary>An <c>implies</c> or <c>excludes</c> edge between two propositions.</summary>
public sealed record PropositionEdgeFact(string From, string To, string Kind, string File, int Line, int Column) : IFact
{
    public string Key => $"edge:{From}:{Kind}:{To}";
}
