namespace FactCheck.Cli.Tests.Commands;

/// <summary><c>factcheck</c> alone lists the commands (a usage error otherwise prints only the error and its correction).</summary>
public sealed class NoCommandTests
{
    [Fact]
    public void Factcheck_alone_lists_the_commands()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = FactCheckApp.Run([], output, error, Path.GetTempPath());

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Required command was not provided", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Commands:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("validate <paths>", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_command_gets_the_correction_not_the_whole_help()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = FactCheckApp.Run(["chek"], output, error, Path.GetTempPath());

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("check", output.ToString() + error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Commands:", output.ToString(), StringComparison.Ordinal);
    }
}
