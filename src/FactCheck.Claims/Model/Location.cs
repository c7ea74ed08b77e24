namespace FactCheck.Claims.Model;

/// <summary>A position in a claims file: 1-based line and column, as editors and CI annotations count them.</summary>
public sealed record Location(string File, int Line, int Column)
{
    public static readonly Location None = new(string.Empty, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
