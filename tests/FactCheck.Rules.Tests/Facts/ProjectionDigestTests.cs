using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Benchmarks.EndToEnd;
using FactCheck.Benchmarks.Findings;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Tests.Facts;

/// <summary>
/// The facts projected from generated corpora, every field of every fact in order, held to digests recorded before the
/// loader and the projection were made to allocate less: work on either must leave the facts exactly as they were. On a
/// reviewed change of what the facts say, UPDATE_EXPECTED=1 rewrites <c>projection-digests.txt</c>.
/// </summary>
public sealed class ProjectionDigestTests
{
    private static readonly string Expected = RepositoryPaths.Combine("tests", "FactCheck.Rules.Tests", "Facts", "projection-digests.txt");

    [Fact]
    public void Generated_corpora_project_to_the_recorded_facts()
    {
        var text = new StringBuilder();
        foreach (var (claims, seed) in new[] { (300, 7), (2_500, 42) })
        {
            var dir = Path.Combine(Path.GetTempPath(), $"factcheck-digest-{Guid.NewGuid():N}");
            try
            {
                CorpusGenerator.Write(dir, claims, seed);
                var loaded = ClaimsLoader.Load([dir], dir);
                var facts = FactProjection.Project(loaded.ClaimSet);
                using var sha = SHA256.Create();
                foreach (var fact in facts)
                {
                    var line = Encoding.UTF8.GetBytes(FactText.Of(fact) + "\n");
                    sha.TransformBlock(line, 0, line.Length, null, 0);
                }

                sha.TransformFinalBlock([], 0, 0);
                text.Append(CultureInfo.InvariantCulture, $"{claims} claims, seed {seed}: {loaded.Diagnostics.Count} diagnostics, {facts.Count} facts, sha256 {Convert.ToHexStringLower(sha.Hash!)}\n");
                foreach (var group in facts.GroupBy(f => f.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {group.Key} {group.Count()}\n");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        CaseFolders.AssertExpected(Expected, text.ToString());
    }
}
