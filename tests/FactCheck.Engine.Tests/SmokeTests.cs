namespace FactCheck.Engine.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Benchmark_shaped_rules_match()
    {
        var pair = R.Rule("pair", new AndElement(
            R.P<Claim>("a"),
            R.P<Claim>("b", R.C<Claim, Claim>((b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity))));
        var orphan = R.Rule("orphan", new AndElement(
            R.P<Claim>("c"),
            new NotElement(R.P<Attribution>("x", R.C<Attribution, Claim>((x, c) => x.ClaimId == c.Id)))));
        var s = R.Session(pair, orphan);
        var c1 = new Claim(1, "p", 1);
        var c2 = new Claim(2, "p", -1);
        var c3 = new Claim(3, "q", 1);
        s.InsertAll([c1, c2, c3, new Attribution(1)]);
        // c2 arrived last: its right activation made pair(c1,c2) after its left one made pair(c2,c1); newest first.
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)", "orphan(c3)", "orphan(c2)"], R.Agenda(s));
        s.Retract(c1);
        Assert.Equal(["orphan(c3)", "orphan(c2)"], R.Agenda(s));
        Assert.Equal(2, s.Fire());
        Assert.Empty(s.Agenda);
    }
}
