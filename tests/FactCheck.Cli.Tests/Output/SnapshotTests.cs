using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

/// <summary>The exact bytes of every format for every sample outcome, kept in Snapshots/ (UPDATE_EXPECTED=1 rewrites them).</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Samples.All.Keys)
        {
            foreach (var format in new[] { "text", "text-color", "json", "sarif", "github" }) data.Add(sample, format);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_snapshot(string sample, string format)
    {
        var formatter = format == "text-color" ? OutputFormats.Create("text", color: true) : OutputFormats.Create(format);
        var output = Samples.Write(formatter, Samples.All[sample]());
        var extension = format switch
        {
            "json" => ".json",
            "sarif" => ".sarif",
            _ => ".txt",
        };
        Snapshot.Match($"{sample}.{format}{extension}", output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_byte_identical_across_writes_and_uses_LF_only(string sample, string format)
    {
        var formatter = format == "text-color" ? OutputFormats.Create("text", color: true) : OutputFormats.Create(format);
        var first = Samples.Write(formatter, Samples.All[sample]());
        var second = Samples.Write(OutputFormats.Create(format == "text-color" ? "text" : format, color: format == "text-color"), Samples.All[sample]());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
    }
}
