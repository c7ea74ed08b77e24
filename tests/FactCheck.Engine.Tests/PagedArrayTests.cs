using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>The paged tables (fact table, insertion order, join buckets) past one page, and sessions that need them.</summary>
public sealed class PagedArrayTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(8_191)]
    [InlineData(8_192)]
    [InlineData(8_193)]
    [InlineData(50_000)]
    public void Keeps_every_slot_while_growing_page_by_page(int length)
    {
        var array = new PagedArray<string>(16);
        var lengths = new List<int>();
        for (var i = 0; i < length; i++)
        {
            if (i == array.Length)
            {
                array.EnsureLength(array.Length * 2);
                lengths.Add(array.Length);
            }

            array[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < length; i++) Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
        Assert.True(array.Length >= length);
        Assert.All(lengths, l => Assert.True(l <= 8_192 || l % 8_192 == 0, $"length {l} is not whole pages"));
    }

    [Fact]
    public void Clear_across_page_boundaries_clears_exactly_the_range()
    {
        var array = new PagedArray<object>(30_000);
        for (var i = 0; i < array.Length; i++) array[i] = i;

        array.Clear(8_000, 10_000); // spans the ends of pages 0 and 1 and the start of page 2

        for (var i = 0; i < array.Length; i++)
        {
            if (i is >= 8_000 and < 18_000) Assert.Null(array[i]);
            else Assert.Equal(i, array[i]);
        }
    }

    [Fact]
    public void A_large_array_from_the_start_is_whole_pages_and_empty()
    {
        var array = new PagedArray<object>(20_000);
        Assert.Equal(24_576, array.Length);
        for (var i = 0; i < array.Length; i++) Assert.Null(array[i]);
    }

    [Fact]
    public void A_session_larger_than_a_page_matches_joins_retracts_and_compacts_its_order()
    {
        // 30,000 claims over 3,000 propositions: the fact table, the insertion order and both join memories
        // grow past one page; retracting two thirds compacts the insertion order across pages.
        var s = Session(
            new SessionOptions { RecordFirings = false, MaxFirings = int.MaxValue },
            Rule("pair", new AndElement(P<Claim>("a"), P<Claim>("b", C<Claim, Claim>((b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity)))),
            Rule("alone", new AndElement(P<Claim>("c"), new NotElement(P<Attribution>("x", C<Attribution, Claim>((x, c) => x.ClaimId == c.Id))))));
        var claims = Enumerable.Range(0, 30_000).Select(i => new Claim(i, $"p{i % 3_000}", i / 3_000 % 2)).ToList();
        var attributions = Enumerable.Range(0, 10_000).Select(i => new Attribution(i * 3)).ToList();
        s.InsertAll(claims);
        s.InsertAll(attributions);

        // Per proposition: 10 claims, 5 of each polarity, so 50 ordered pairs; a claim is alone unless i % 3 == 0.
        Assert.Equal((3_000 * 50) + (30_000 - 10_000), s.Agenda.Count);

        foreach (var c in claims.Where(c => c.Id % 3 != 0)) s.Retract(c);
        Assert.Equal(10_000 + 10_000, s.Facts.Count);
        Assert.Equal(claims.Where(c => c.Id % 3 == 0).Cast<object>().Concat(attributions), s.Facts);

        // Left: the claims with i % 3 == 0, which are all ten claims of each proposition p with p % 3 == 0.
        var remaining = claims.Where(c => c.Id % 3 == 0).ToList();
        var pairs = remaining.GroupBy(c => c.Proposition).Sum(g => g.Count(x => x.Polarity == 0) * g.Count(x => x.Polarity == 1) * 2);
        Assert.Equal(pairs, s.Agenda.Count);
        Assert.Equal(pairs, s.Fire());
    }

    [Fact]
    public void An_index_past_a_short_first_page_throws_rather_than_reading_past_it()
    {
        var array = new PagedArray<string>(16);
        array[15] = "last";
        Assert.Equal("last", array[15]);
        Assert.Throws<ArgumentOutOfRangeException>(() => array[16]);
        Assert.Throws<IndexOutOfRangeException>(() => array[8_192]);
    }

    [Fact]
    public void Small_values_are_kept_and_cleared_across_pages()
    {
        var array = new PagedArray<ushort>(16);
        array.EnsureLength(20_000);
        for (var i = 0; i < 20_000; i++) array[i] = (ushort)(i % 7 + 1);
        array.Clear(8_000, 1_000);
        for (var i = 0; i < 20_000; i++) Assert.Equal(i is >= 8_000 and < 9_000 ? 0 : i % 7 + 1, array[i]);
    }
}
