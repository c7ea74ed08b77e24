namespace FactCheck.Rules.Facts;

/// <summary>Union-find over ids (path halving, union by size): groups linked sources or claims in near-linear time.</summary>
internal sealed class DisjointSets
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];
    private readonly List<string> _ids = [];

    public void Add(string id)
    {
        if (_index.ContainsKey(id)) return;
        _index.Add(id, _parent.Count);
        _parent.Add(_parent.Count);
        _size.Add(1);
        _ids.Add(id);
    }

    public bool Contains(string id) => _index.ContainsKey(id);

    /// <summary>The id standing for the group of <paramref name="id"/> (an arbitrary member; stable until the next union).</summary>
    public string Find(string id) => _ids[Root(_index[id])];

    public void Union(string a, string b)
    {
        Add(a);
        Add(b);
        int x = Root(_index[a]), y = Root(_index[b]);
        if (x == y) return;
        if (_size[x] < _size[y]) (x, y) = (y, x);
        _parent[y] = x;
        _size[x] += _size[y];
    }

    private int Root(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }
}
