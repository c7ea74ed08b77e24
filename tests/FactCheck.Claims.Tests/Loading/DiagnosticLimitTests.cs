using System.Text;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>A file full of mistakes gives the first 1,000 errors and one saying the rest were not read, not millions.</summary>
public sealed class DiagnosticLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-flood-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_flood_of_errors_in_one_file_stops_at_the_limit_with_one_more_error_saying_so()
    {
        var yaml = new StringBuilder("claims:\n");
        for (var i = 0; i < 5_000; i++) yaml.Append("- a: b\n");
        File.WriteAllText(Path.Combine(_dir, "flood.yaml"), yaml.ToString());
        File.WriteAllText(Path.Combine(_dir, "other.yaml"), "claims:\n- a: b\n");

        var result = ClaimsLoader.Load(["."], _dir);

        var flood = result.Diagnostics.Where(d => d.Location.File == "flood.yaml").ToList();
        Assert.Equal(ClaimFileBinder.MaxDiagnosticsPerFile + 1, flood.Count);
        var last = Assert.Single(flood, d => d.Code == "too-many-errors");
        Assert.Equal(0, last.Location.Line);
        Assert.Contains("more than 1,000 errors in this file", last.Message, StringComparison.Ordinal);
        // The other file's errors are its own, all listed.
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.File == "other.yaml" && d.Code == "too-many-errors");
        Assert.Contains(result.Diagnostics, d => d.Location.File == "other.yaml");
    }
}
