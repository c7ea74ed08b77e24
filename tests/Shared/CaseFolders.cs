namespace FactCheck.Tests;

/// <summary>
/// Case-folder tests: one theory row per folder, and expected files that UPDATE_EXPECTED=1 rewrites
/// from the actual output after a reviewed change.
/// </summary>
internal static class CaseFolders
{
    public static TheoryData<string> Names(string directory)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(directory).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    /// <summary>Asserts that <paramref name="actual"/> is the content of <paramref name="expectedPath"/>.</summary>
    public static void AssertExpected(string expectedPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1") File.WriteAllText(expectedPath, actual);
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
