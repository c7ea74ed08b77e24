namespace FactCheck.Engine.Tests;

public sealed record Claim(int Id, string Proposition, int Polarity);

public sealed record Attribution(int ClaimId);

public sealed record Derived(int Id, string Note);

/// <summary>A mutable fact (updates mutate it in place).</summary>
public sealed class Item(int id, int kind, int value)
{
    public int Id { get; } = id;
    public int Kind { get; set; } = kind;
    public int Value { get; set; } = value;
    public string? Label { get; set; }

    public override string ToString() => $"Item#{Id}(k={Kind},v={Value})";
}

/// <summary>A second mutable fact type, so that rules mix types.</summary>
public sealed class Tag(int id, int kind, int value)
{
    public int Id { get; } = id;
    public int Kind { get; set; } = kind;
    public int Value { get; set; } = value;

    public override string ToString() => $"Tag#{Id}(k={Kind},v={Value})";
}

/// <summary>Inserted by rules (forward chaining / truth maintenance tests).</summary>
public sealed class Mark(int sourceId)
{
    public int SourceId { get; } = sourceId;

    public override string ToString() => $"Mark({SourceId})";
}
