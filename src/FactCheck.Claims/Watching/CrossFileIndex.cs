namespace FactCheck.Claims.Watching;

/// <summary>
/// Counts of the ids every file defines and refers to, kept as files come and go: whether the checks across files
/// (ids unique, references resolved, nothing referring to itself) would find anything, without running them.
/// </summary>
internal sealed class CrossFileIndex
{
    private readonly Dictionary<(FileIds.Kind, string), int> _defined = [];
    private readonly Dictionary<(FileIds.Kind, string), int> _referenced = [];
    private readonly HashSet<(FileIds.Kind, string)> _duplicated = [];
    private readonly HashSet<(FileIds.Kind, string)> _dangling = [];
    private int _selfReferences;

    /// <summary>Whether the checks across files have nothing to report.</summary>
    public bool Clean => _duplicated.Count == 0 && _dangling.Count == 0 && _selfReferences == 0;

    public void Add(FileIds ids) => Apply(ids, +1);

    public void Remove(FileIds ids) => Apply(ids, -1);

    private void Apply(FileIds ids, int sign)
    {
        _selfReferences += sign * ids.SelfReferences;
        foreach (var id in ids.Defined)
        {
            Count(_defined, id, sign);
            Check(id);
        }

        foreach (var id in ids.Referenced)
        {
            Count(_referenced, id, sign);
            Check(id);
        }
    }

    private static void Count(Dictionary<(FileIds.Kind, string), int> counts, (FileIds.Kind, string) id, int sign)
    {
        var n = counts.GetValueOrDefault(id) + sign;
        if (n == 0) counts.Remove(id);
        else counts[id] = n;
    }

    private void Check((FileIds.Kind, string) id)
    {
        var defined = _defined.GetValueOrDefault(id);
        if (defined > 1) _duplicated.Add(id);
        else _duplicated.Remove(id);
        if (defined == 0 && _referenced.ContainsKey(id)) _dangling.Add(id);
        else _dangling.Remove(id);
    }
}
