namespace FactCheck.Rules.Facts;

public sealed record PropositionFact(string Key, string Description, string File, int Line, int Column) : IFact
{
    string IFact.Key => "proposition:" + Key;
}
