namespace FactCheck.Cli.Tests.Commands;

/// <summary>
/// Commands that take paths as arguments refuse a word like an option they do not have, instead of reading it as a
/// path: <c>validate --claims claims</c> said "'--claims' does not exist", and <c>rules export --force</c> made a
/// folder named "--force".
/// </summary>
public sealed class PathArgumentsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-path-args-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void An_option_of_another_command_is_a_usage_error_naming_the_command_s_options()
    {
        var (exit, output, errors) = Run("validate", "--claims", "claims");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("'--claims' is not an option of 'factcheck validate' (its options: --no-cache; a path is given without one: factcheck validate claims/)", errors.Trim());
    }

    [Theory]
    [InlineData(new[] { "validate", "--no-cach" }, "'--no-cach' is not an option of 'factcheck validate'; did you mean '--no-cache'?")]
    [InlineData(new[] { "match", "--mni", "0.5" }, "'--mni' is not an option of 'factcheck match'; did you mean '--min'?")]
    [InlineData(new[] { "export", "claimreview", "--outt", "x" }, "'--outt' is not an option of 'factcheck export claimreview'; did you mean '--out'?")]
    [InlineData(new[] { "import", "claimreview", "--clams", "claims", "r.json" }, "'--clams' is not an option of 'factcheck import claimreview'; did you mean '--claims'?")]
    [InlineData(new[] { "draft", "--sourc", "x" }, "'--sourc' is not an option of 'factcheck draft'; did you mean '--source'?")]
    public void A_misspelt_option_gets_the_nearest_one(string[] args, string expected)
    {
        var (exit, _, errors) = Run(args);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_export_makes_no_folder_of_an_option_like_word()
    {
        var (exit, _, errors) = Run("rules", "export", "--force");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("'--force' is not an option of 'factcheck rules export' (it has none;", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Fact]
    public void A_file_whose_name_starts_with_a_dash_is_still_a_path()
    {
        File.WriteAllText(Path.Combine(_work, "-story.yaml"), "sources:\n  - {id: s, kind: article, outlet: Example, published: 2023-11-08}\n");

        var (exit, output, errors) = Run("validate", "--", "-story.yaml");

        Assert.True(exit == ExitCodes.Success, output + errors);
        Assert.Contains("valid: 1 files, 1 sources", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        var exit = FactCheckApp.Run(args, output, errors, _work);
        return (exit, output.ToString(), errors.ToString());
    }
}
