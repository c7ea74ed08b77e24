using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// A snapshot's table from strings (claim ids, the propositions' words) to lists of numbers, read without decoding
/// the strings: 64-bit hashes sorted, each with its string's number in the snapshot's string table (compared on a hash
/// hit, so a collision never answers for another string) and its list. Decoding 100,000 claim ids into a set and reading
/// the propositions' words on every run cost 0.05 s of CPU; the tables cost nothing until a lookup.
/// </summary>
internal sealed class HashedStrings(ulong[] hashes, int[] strings, int[] starts, int[] values)
{
    internal ulong[] Hashes => hashes;

    internal int[] Strings => strings;

    internal int[] Starts => starts;

    internal int[] Values => values;

    public static ulong Hash(string s) => WordHashes.Hash(s);

    /// <summary>The numbers listed under <paramref name="key"/>; <paramref name="decode"/> gives a string number's string.</summary>
    public ArraySegment<int> Find(string key, Func<int, string> decode)
    {
        var h = Hash(key);
        var i = Array.BinarySearch(hashes, h);
        if (i < 0) return ArraySegment<int>.Empty;
        while (i > 0 && hashes[i - 1] == h) i--;
        for (; i < hashes.Length && hashes[i] == h; i++)
        {
            if (decode(strings[i]) == key) return new ArraySegment<int>(values, starts[i], starts[i + 1] - starts[i]);
        }

        return ArraySegment<int>.Empty;
    }

    /// <summary>The table of <paramref name="count"/> rows: each row's key, its string number and its list.</summary>
    public static HashedStrings OfRows(int count, Func<int, string> key, Func<int, int> number, Func<int, IReadOnlyList<int>> list)
    {
        var hashes = new ulong[count];
        var order = new int[count];
        for (var i = 0; i < count; i++) (hashes[i], order[i]) = (Hash(key(i)), i);
        Array.Sort(hashes, order);
        var strings = new int[count];
        var starts = new int[count + 1];
        var values = new List<int>(count);
        for (var j = 0; j < count; j++)
        {
            strings[j] = number(order[j]);
            starts[j] = values.Count;
            values.AddRange(list(order[j]));
        }

        starts[^1] = values.Count;
        return new HashedStrings(hashes, strings, starts, values.ToArray());
    }

    /// <summary>Whether every number is in range (a damaged or planted snapshot must not make a lookup read past an array).</summary>
    public bool InRange(int stringCount, int valueLimit)
    {
        if (strings.Length != hashes.Length || starts.Length != hashes.Length + 1 || starts[0] != 0 || starts[^1] != values.Length) return false;
        for (var i = 0; i < hashes.Length; i++)
        {
            if ((i > 0 && hashes[i] < hashes[i - 1]) || starts[i + 1] < starts[i] || (uint)strings[i] >= (uint)stringCount) return false;
        }

        return values.All(v => (uint)v < (uint)valueLimit);
    }
}
