using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

/// <summary>The exact bytes of every format for every sample outcome, kept in Snapshots/ (UPDATE_EXPECTED=1 rewrites them).</summary>
public sealed class SnapshotTests
{
    /// <summary>Each format, and the text and github formats as the command line shows them by default.</summary>
    private static readonly Dictionary<string, Func<IOutputFormatter>> Formats = new()
    {
        ["text"] = () => OutputFormats.Create("text"),
        ["text-color"] = () => OutputFormats.Create("text", color: true),
        ["text-default"] = () => OutputFormats.Create("text", new TextOutputOptions(false, TextOutputOptions.DefaultMinSeverity)),
        ["text-quiet"] = () => OutputFormats.Create("text", new TextOutputOptions(false, TextOutputOptions.DefaultMinSeverity, Quiet: true)),
        ["text-statistics"] = () => OutputFormats.Create("text", new TextOutputOptions(false, Statistics: true)),
        ["json"] = () => OutputFormats.Create("json"),
        ["sarif"] = () => OutputFormats.Create("sarif"),
        ["github"] = () => OutputFormats.Create("github"),
        ["github-default"] = () => OutputFormats.Create("github", new TextOutputOptions(false, TextOutputOptions.DefaultMinSeverity)),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Samples.All.Keys)
        {
            foreach (var format in Formats.Keys) data.Add(sample, format);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_snapshot(string sample, string format)
    {
        var output = Samples.Write(Formats[format](), Samples.All[sample]());
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
        var first = Samples.Write(Formats[format](), Samples.All[sample]());
        var second = Samples.Write(Formats[format](), Samples.All[sample]());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        // Every format ends its last line, except quiet with nothing to say, which prints nothing at all.
        if (first.Length > 0 || format != "text-quiet") Assert.EndsWith("\n", first, StringComparison.Ordinal);
    }
}
