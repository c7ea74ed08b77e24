using System.Text;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>Input an attacker or a broken tool could produce: each is refused with a clear, positioned error.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Alias_bomb_is_refused_without_expansion()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var result = Load("bomb.yaml", yaml.ToString());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml-alias", error.Code);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Unclosed_flow_list_before_a_key_is_refused_where_reading_stopped()
    {
        // YamlDotNet's scanner fails an internal check here (InvalidOperationException): the error is still positioned
        // after what was read, and says nothing of the runtime's own message.
        var result = Load("unclosed.yaml", "claims:\n  - id: x1\n    said_by: [unclosed\n    text: \"ok\"\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml-syntax", error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.DoesNotContain("Operation is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_deep_nesting_is_refused()
    {
        var result = Load("deep.yaml", "claims: " + new string('[', 100_000) + new string(']', 100_000));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml-too-deep", error.Code);
        Assert.Contains("nested more than 64 levels", error.Message);
    }

    [Fact]
    public void Huge_file_is_refused_before_parsing()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(InputText.MaxBytes + 1);
        }

        var result = ClaimsLoader.Load([path], _dir);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("file-too-large", error.Code);
        Assert.Equal("huge.yaml:1:1", error.Location.ToString());
    }

    [Fact]
    public void Binary_file_is_refused_with_the_position_of_the_first_nul()
    {
        var result = LoadBytes("binary.yaml", [.. "claims:\n  x"u8, 0, 1, 2, 3]);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("binary-file", error.Code);
        Assert.Equal("binary.yaml:2:4", error.Location.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_position_of_the_bad_byte()
    {
        var result = LoadBytes("latin1.yaml", [.. "claims:\n  - id: caf"u8, 0xE9, (byte)'\n']);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("invalid-utf8", error.Code);
        Assert.Equal("latin1.yaml:2:12", error.Location.ToString());
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        var result = LoadBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. "propositions:\n  - {key: p1, description: d}\n"u8]);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.ClaimSet.Propositions);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            var result = LoadBytes($"random{i}.yaml", bytes);
            Assert.All(result.Diagnostics, d => Assert.Equal($"random{i}.yaml", d.Location.File));
        }
    }

    [Fact]
    public void Random_yaml_like_text_never_throws()
    {
        var random = new Random(99);
        string[] pieces = ["claims:", "\n", "  - ", "id: ", "x", "{", "}", "[", "]", ": ", "&a ", "*a", "'", "\"", "#", "? ", "|", ">", "---", "...", "\t", "stances:", "sources:", "kind: article", "!!str ", "%YAML 1.2\n"];
        for (var i = 0; i < 500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            _ = ClaimsLoader.LoadText(text, "fuzz.yaml", _dir);
        }
    }

    private Claims.Loading.LoadResult Load(string name, string text) => LoadBytes(name, Encoding.UTF8.GetBytes(text));

    private Claims.Loading.LoadResult LoadBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        try
        {
            return ClaimsLoader.Load([path], _dir);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
