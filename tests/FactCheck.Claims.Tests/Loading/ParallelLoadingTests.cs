using System.Text;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The loader reads files on all cores, each with the subset reader or, when it leaves the file, YamlDotNet's scanner:
/// what it reports must be what reading each file on its own reports, whatever goes wrong in which file.
/// </summary>
public sealed class ParallelLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-parallel-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Many_files_with_every_kind_of_failure_report_what_each_file_alone_reports()
    {
        var valid = ValidFile(claims: 400);
        var files = new (string Name, byte[] Content)[]
        {
            ("a-valid.yaml", Encoding.UTF8.GetBytes(valid("a"))),
            ("b-syntax.yaml", Encoding.UTF8.GetBytes(valid("b") + "  - id: b-broken\n    statement: [unclosed\n")),
            ("c-deep.yaml", Encoding.UTF8.GetBytes("claims: " + new string('[', 100_000) + new string(']', 100_000))),
            ("d-binary.yaml", [0x63, 0x6c, 0x00, 0x61]),
            ("e-invalid-utf8.yaml", [0x61, 0x3a, 0x20, 0xff, 0xfe]),
            ("f-valid.yaml", Encoding.UTF8.GetBytes(valid("f"))),
            ("g-scalar-root.yaml", Encoding.UTF8.GetBytes("just text\n")),
            ("h-bad-key.yaml", Encoding.UTF8.GetBytes("claims:\n  - id: h-1\n    statment: typo\n")),
        };
        foreach (var (name, content) in files) File.WriteAllBytes(Path.Combine(_dir, name), content);

        var together = ClaimsLoader.Load([_dir], _dir);

        var alone = files.SelectMany(f => ClaimsLoader.Load([Path.Combine(_dir, f.Name)], _dir).Diagnostics)
            .Where(d => d.Code is not ("duplicate-id" or "unknown-reference"))
            .Select(d => d.ToString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            alone,
            together.Diagnostics.Where(d => d.Code is not ("duplicate-id" or "unknown-reference")).Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            files.Sum(f => ClaimsLoader.Load([Path.Combine(_dir, f.Name)], _dir).ClaimSet.Claims.Count),
            together.ClaimSet.Claims.Count);
        Assert.Contains(together.Diagnostics, d => d.Code == "yaml-too-deep");
        Assert.Contains(together.Diagnostics, d => d.Code == "binary-file");
        Assert.Contains(together.Diagnostics, d => d.Code == "invalid-utf8");
        Assert.Contains(together.Diagnostics, d => d.Code == "yaml-syntax");
    }

    private static Func<string, string> ValidFile(int claims) => prefix =>
    {
        var yaml = new StringBuilder($"sources:\n  - id: {prefix}-src\n    kind: article\n    title: T\n    outlet: O\n    published: 2023-11-08\nclaims:\n");
        for (var i = 0; i < claims; i++)
        {
            yaml.Append($"  - id: {prefix}-{i}\n    statement: \"Claim {i} of {prefix}, é€\"\n    claimant: {{ name: Someone, kind: person }}\n");
            yaml.Append($"    appearances:\n      - source: {prefix}-src\n        quote: \"quote {i}\"\n");
        }

        return yaml.ToString();
    };
}
