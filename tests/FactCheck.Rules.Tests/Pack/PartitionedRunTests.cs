using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>
/// Large runs split the pack into groups of rules that cannot affect each other and run them in
/// sessions side by side: the outcome must not depend on how many sessions run.
/// </summary>
public sealed class PartitionedRunTests
{
    private static readonly RulePack BundledPack = RulePackLoader.Load(["rules"], RepositoryPaths.Root);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public void The_seed_story_gives_the_same_outcome_in_any_number_of_sessions(int sessions)
    {
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root).ClaimSet;

        var single = RuleRunner.Run(BundledPack, claims, parallelism: 1);
        var split = RuleRunner.Run(BundledPack, claims, parallelism: sessions);

        Assert.NotEmpty(single.Findings);
        Assert.Equal(Render(single), Render(split));
        Assert.Equal(single.Firings, split.Firings);
    }

    [Fact]
    public void Rules_that_insert_a_fact_type_stay_with_the_rules_that_match_it()
    {
        // The bundled pack, plus a rule that inserts Stance facts (as a pack deriving stances of its own would).
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-partition-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("rules"), "*.yaml")) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, "derive.yaml"), """
                rules:
                  - id: derive.reported-stance
                    title: Stance carried to a broader proposition
                    severity: info
                    description: Derives a stance for every claim asserting a proposition that implies another.
                    when:
                      - s: Stance
                        where: s.Polarity == 'asserts' && s.Via == null
                      - e: PropositionEdge
                        where: e.From == s.Proposition && e.Kind == 'implies'
                    then:
                      - insert: {type: Stance, from: s, set: {Proposition: e.To, Via: s.Proposition}}
                """);
            var pack = RulePackLoader.Load([dir], dir);
            Assert.Empty(pack.Diagnostics);
            var counts = FactProjection.FactTypes.Values.ToDictionary(t => t, _ => 100);

            var groups = RulePartitioner.Partition(pack.Definitions, pack.WrittenTypes, counts, groups: 2);

            Assert.Equal(2, groups.Count);
            Assert.Equal(pack.Definitions.Select(d => d.Name).Order(), groups.SelectMany(g => g.Rules).Select(r => r.Name).Order());
            // The inserting rule writes Stance facts: every rule matching Stance must see them.
            var withInsert = Assert.Single(groups, g => g.Rules.Any(r => r.Name == "derive.reported-stance"));
            var stanceReaders = pack.Definitions
                .Where(d => RulePartitioner.Patterns(d.Lhs).Any(p => p.FactType == typeof(StanceFact)))
                .Select(d => d.Name)
                .ToList();
            Assert.Contains("contradiction.opposite-stances", stanceReaders);
            Assert.All(stanceReaders, name => Assert.Contains(withInsert.Rules, r => r.Name == name));
            // Declaration order is kept inside a group (it breaks ties between activations).
            foreach (var group in groups)
            {
                var order = group.Rules.Select(r => pack.Definitions.ToList().IndexOf(r)).ToList();
                Assert.Equal(order.Order(), order);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Independent_rules_are_balanced_by_the_facts_they_see()
    {
        var counts = FactProjection.FactTypes.Values.ToDictionary(t => t, _ => 100);
        var groups = RulePartitioner.Partition(BundledPack.Definitions, BundledPack.WrittenTypes, counts, groups: 2);

        var weights = groups.Select(g => g.Rules.Sum(r => RulePartitioner.Patterns(r.Lhs).Count())).ToList();
        Assert.True(Math.Abs(weights[0] - weights[1]) <= weights.Max() / 2, $"unbalanced groups: {string.Join(" vs ", weights)} patterns");
    }

    private static string Render(RunResult result) =>
        string.Concat(result.Findings.Concat(result.Suppressed).Select(f => $"{f.File}:{f.Line}:{f.Column} {f.RuleId} {f.Message} [{string.Join(",", f.FactKeys)}]\n"))
        + string.Concat(result.Errors.Select(e => $"{e.RuleId} {e.Message}\n"));
}
