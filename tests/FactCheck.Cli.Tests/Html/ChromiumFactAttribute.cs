namespace FactCheck.Cli.Tests.Html;

/// <summary>A test that needs the distribution's Chromium; skipped, with the reason printed, when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Browser = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser)) Skip = $"{Browser} is not installed (apt-get install chromium; .ci/run installs it when it can)";
    }
}
