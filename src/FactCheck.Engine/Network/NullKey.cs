namespace FactCheck.Engine.Network;

/// <summary>Stands for a null join key (dictionaries refuse null; <c>null == null</c> holds in C#).</summary>
internal sealed class NullKey
{
    public static readonly NullKey Instance = new();

    private NullKey() { }
}
