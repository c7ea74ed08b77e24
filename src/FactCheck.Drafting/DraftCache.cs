namespace FactCheck.Drafting;

/// <summary>Where <c>draft</c> and <c>match</c> keep the recorded claims' word-pair index between runs.</summary>
public static class DraftCache
{
    /// <summary>
    /// <c>$XDG_CACHE_HOME/factcheck/draft-index</c>, else <c>~/.cache/factcheck/draft-index</c>; null when there is no home
    /// folder to put it in (the index is then built on every run).
    /// </summary>
    public static string? DefaultFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathFullyQualified(xdg)) return Path.Combine(xdg, "factcheck", "draft-index");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "factcheck", "draft-index");
    }
}
