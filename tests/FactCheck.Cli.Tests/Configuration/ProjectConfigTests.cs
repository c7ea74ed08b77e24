namespace FactCheck.Cli.Tests.Configuration;

/// <summary>factcheck.yaml found from the working folder upwards, its paths read from its folder, flags over it.</summary>
public sealed class ProjectConfigTests
{
    [Fact]
    public void Without_a_config_check_run_inside_claims_finds_the_project_and_writes_the_report_in_it()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(Path.Combine(project.Root, ".git"));
        var (exit, output, error) = project.Run("claims", "check");
        Assert.Equal(1, exit);
        Assert.Contains("error demo.quote-missing:", output, StringComparison.Ordinal);
        Assert.Contains("  story.yaml:13:9 ", output, StringComparison.Ordinal);
        Assert.Contains("recorded the run in ../factcheck.db", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.Root, "factcheck.db")));
        Assert.Equal(0, project.Run("claims", "validate").Exit);
    }

    [Fact]
    public void Claims_folder_at_the_top_of_a_repository_keeps_the_report_inside_it()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(Path.Combine(project.Root, "claims", ".git"));
        var (_, _, error) = project.Run("claims", "check", "--claims", ".", "--rules", "../rules");
        Assert.Contains("recorded the run in factcheck.db", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.Root, "claims", "factcheck.db")));
        Assert.False(File.Exists(Path.Combine(project.Root, "factcheck.db")));
    }

    [Fact]
    public void Config_above_the_working_folder_sets_paths_from_its_own_folder_and_the_run()
    {
        using var project = new TempProject();
        Directory.Move(Path.Combine(project.Root, "claims"), Path.Combine(project.Root, "data"));
        project.Write("factcheck.yaml", """
            claims: data
            report: out/report.db
            fail-on: never
            disable: [demo.date]
            severity:
              demo.quote-missing: warning
            """);
        Directory.CreateDirectory(Path.Combine(project.Root, "out"));
        Directory.CreateDirectory(Path.Combine(project.Root, "sub", "deeper"));
        var (exit, output, error) = project.Run(Path.Combine("sub", "deeper"), "check");
        Assert.Equal(0, exit);
        Assert.Contains("warning demo.quote-missing:", output, StringComparison.Ordinal);
        Assert.Contains("  ../../data/story.yaml:13:9 ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.date", output, StringComparison.Ordinal);
        Assert.Contains("recorded the run in ../../out/report.db", error, StringComparison.Ordinal);

        // A flag wins over the file.
        Assert.Equal(1, project.Run(".", "check", "--fail-on", "warning", "--no-report").Exit);
    }

    [Fact]
    public void Mistakes_in_the_config_are_reported_at_their_position_with_a_suggestion_and_exit_2()
    {
        using var project = new TempProject();
        project.Write("factcheck.yaml", """
            fail-on: warning
            claim: claims
            disable: [demo.dat]
            severity: {demo.opposite: critical}
            """);
        var (exit, output, _) = project.Run("claims", "check", "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains("../factcheck.yaml:2:1: error: unknown key 'claim' in factcheck.yaml; did you mean 'claims'?", output, StringComparison.Ordinal);
        Assert.Contains("../factcheck.yaml:3:11: error: 'disable' names 'demo.dat', which no rule of the pack defines; did you mean 'demo.date'?", output, StringComparison.Ordinal);
        Assert.Contains("../factcheck.yaml:4:27: error: 'critical' is not a valid severity", output, StringComparison.Ordinal);

        var validate = project.Run("claims", "validate");
        Assert.Equal(2, validate.Exit);
        Assert.Contains("../factcheck.yaml:2:1: error: unknown key 'claim'", validate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_level_hides_lower_findings_from_text_but_never_failing_ones()
    {
        using var project = new TempProject();
        project.Write("factcheck.yaml", "min-severity: error\nfail-on: warning\nreport: false\n");
        var (exit, output, error) = project.Run(".", "check");
        Assert.Equal(1, exit);
        Assert.Contains("warning demo.opposite", output, StringComparison.Ordinal);
        Assert.DoesNotContain("info demo.unattributed", output, StringComparison.Ordinal);
        Assert.Contains("1 finding (info) not shown", output, StringComparison.Ordinal);

        var json = project.Run(".", "check", "--format", "json").Output;
        Assert.Contains("demo.unattributed", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_config_the_next_run_reads_and_refuses_to_overwrite_it()
    {
        using var project = new TempProject();
        var (exit, output, _) = project.Run(".", "init");
        Assert.Equal(0, exit);
        Assert.Contains("claims from claims, rules from rules", output, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(project.Root, "factcheck.yaml"));
        Assert.Contains("fail-on: error", text, StringComparison.Ordinal);
        Assert.Equal(1, project.Run("claims", "check").Exit);
        Assert.True(File.Exists(Path.Combine(project.Root, "factcheck.db")));

        var again = project.Run(".", "init");
        Assert.Equal(2, again.Exit);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(Path.Combine(project.Root, "factcheck.yaml")));
    }

    [Fact]
    public void Init_in_a_new_project_creates_the_claims_folder_so_the_first_check_runs()
    {
        var root = Directory.CreateTempSubdirectory("factcheck-init-new-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            var output = new StringWriter();
            Assert.Equal(0, FactCheckApp.Run(["init"], output, TextWriter.Null, root));
            Assert.Contains("created claims/, empty", output.ToString(), StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "claims")));

            var check = new StringWriter();
            Assert.Equal(0, FactCheckApp.Run(["check", "--no-report"], check, TextWriter.Null, root));
            Assert.Contains("0 findings in 0 claims", check.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Init_inside_claims_points_at_the_folders_found()
    {
        using var project = new TempProject();
        var (exit, output, _) = project.Run("claims", "init");
        Assert.Equal(0, exit);
        Assert.Contains("claims from ., rules from ../rules", output, StringComparison.Ordinal);
        var (_, _, error) = project.Run("claims", "check", "--no-report");
        Assert.DoesNotContain("bundled", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rules_the_bundled_pack_runs_and_says_so()
    {
        using var project = new TempProject(withRules: false);
        var (exit, output, error) = project.Run("claims", "check", "--no-report", "--fail-on", "never");
        Assert.Equal(0, exit);
        Assert.Contains("using the rule pack bundled with FactCheck", error, StringComparison.Ordinal);
        Assert.Contains(" in 3 claims;", output, StringComparison.Ordinal);

        // An explicit --rules that does not exist is an error, never a silent fallback.
        var missing = project.Run(".", "check", "--no-report", "--rules", "nowhere");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("'nowhere' does not exist", missing.Output, StringComparison.Ordinal);
    }
}
