namespace FactCheck.Claims.Model;

/// <summary>A document a claim rests on, in the words the article uses; <see cref="Source"/> is null when unnamed.</summary>
public sealed record Citation(Reference? Source, string As, Location Location);
