using System.Text;

namespace FactCheck.Cli.Tests.Output;

/// <summary>
/// Compares output with a file under Snapshots/. Run the tests with <c>UPDATE_EXPECTED=1</c> to (re)write the
/// files after an intended change, then review the diff before committing.
/// </summary>
internal static class Snapshot
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1";

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(TestPaths.Snapshots, name);
        if (Updating)
        {
            Directory.CreateDirectory(TestPaths.Snapshots);
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(path), $"no snapshot {path}; run the tests with UPDATE_EXPECTED=1 to write it");
        var expected = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        Assert.Equal(expected, actual);
    }
}
