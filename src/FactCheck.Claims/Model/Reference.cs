namespace FactCheck.Claims.Model;

/// <summary>An id written in one place that names a source, claim or proposition defined elsewhere.</summary>
public sealed record Reference(string Id, Location Location)
{
    public override string ToString() => Id;
}
