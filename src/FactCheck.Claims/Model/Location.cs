namespace FactCheck.Claims.Model;

/// <summary>A position in a claims file: 1-based line and column, as editors and CI annotations count them.</summary>
/// <remarks>A value type: every YAML node carries one, and loading 100,000 claims makes millions.</remarks>
public readonly record struct Location(string File, int Line, int Column)
{
    public static readonly Location None = new(string.Empty, 0, 0);

    /// <summary><c>file:line:col</c>, or just the file for problems with the file as a whole.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
