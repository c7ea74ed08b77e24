using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The tree reader parses YamlDotNet's scanner tokens itself; YamlDotNet's own parser is the reference.
/// On every input both must agree on whether it is valid YAML and, when it is, on the tree: kinds,
/// values, styles and positions.
/// </summary>
public sealed class YamlTreeReaderDifferentialTests
{
    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "claims", "rules" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Bundled_files_read_as_the_reference_parser_reads_them(string file)
    {
        AssertAgrees(File.ReadAllText(RepositoryPaths.Combine(file)));
    }

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y\nc:\n- indentless\n- list\nd: {e: 1, f: [g, h], i}\n")]
    [InlineData("- [a: b, c, {d: e}]\n- []\n- {}\n- - nested\n  - block\n-\n- ''\n")]
    [InlineData("key:\nother: ~\nthird: null\n? explicit\n: value\n? only-key\n")]
    [InlineData("text: |\n  literal\n  block\nfolded: >\n  folded\n  text\nquoted: \"a\\tb\"\nsingle: 'it''s'\n")]
    [InlineData("---\na: 1\n...\n---\n- b\n---\n")]
    [InlineData("%YAML 1.1\n---\nplain scalar document\n")]
    [InlineData("%YAML 1.1\nno document start\n")]
    [InlineData("a: 1\n...\nb: 2\n")]
    [InlineData("a\n...\n- b\n")]
    [InlineData("...\n")]
    [InlineData("...\n---\nx\n")]
    [InlineData("a: !!str 12\nb: !custom {x: 1}\nc: &anchor value\n")]
    [InlineData("{a: [1, 2], b: {c: d}}\n")]
    [InlineData("[a, b]: complex key\n")]
    [InlineData("a:\n  b:\n    c:\n      - d: 1\n        e: 2\n      - f\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("a: b: c\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a: [1, 2\n")]
    [InlineData("a: {b: 1\n")]
    [InlineData("  a: 1\n b: 2\n")]
    [InlineData("a: 1\n  - b\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("[a, b]]\n")]
    public void Hand_picked_inputs_read_as_the_reference_parser_reads_them(string yaml)
    {
        AssertAgrees(yaml);
    }

    [Fact]
    public void Random_yaml_like_text_reads_as_the_reference_parser_reads_it()
    {
        var random = new Random(2026);
        string[] pieces =
        [
            "claims:", "\n", "  ", "- ", "id: ", "x", "y z", "{", "}", "[", "]", ", ", ": ", ":", "'q'", "\"d\"", "#c", "? ", "|\n  t", ">\n  t",
            "---\n", "...\n", "stances:", "kind: article", "!!str ", "&a ", "~", "1", "\n  - ", "\n    ",
        ];
        var compared = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (AssertAgrees(text)) compared++;
        }

        // Most random texts are invalid; enough must be valid for the comparison of trees to mean something.
        Assert.True(compared > 300, $"only {compared} valid texts compared");
    }

    /// <returns>Whether the text was valid YAML (so trees were compared).</returns>
    private static bool AssertAgrees(string yaml)
    {
        var reference = Reference(yaml, out var keyless);
        var diagnostics = new List<Diagnostic>();
        var actual = YamlTreeReader.Read(yaml, "t.yaml", diagnostics);
        var syntaxErrors = diagnostics.Where(d => d.Code == "yaml-syntax").ToList();
        if (reference is null)
        {
            Assert.True(syntaxErrors.Count == 1, $"the reference parser refuses this text but the reader reported {Describe(diagnostics)}:\n{yaml}");
            return false;
        }

        if (syntaxErrors.Count > 0 && keyless)
        {
            // Known, intended difference: a ':' with no key before it (a line reading ": x") is refused;
            // YamlDotNet sometimes reads it as an empty key.
            return false;
        }

        Assert.True(syntaxErrors.Count == 0, $"the reference parser accepts this text but the reader reported {Describe(diagnostics)}:\n{yaml}");
        Assert.Equal(Render(reference, yaml), Render(actual, yaml));
        return true;
    }

    private static string Describe(List<Diagnostic> diagnostics) => diagnostics.Count == 0 ? "nothing" : string.Join("; ", diagnostics.Select(d => d.ToString()));

    /// <summary>The tree YamlDotNet's event parser gives; null when it refuses the text.</summary>
    private static IReadOnlyList<YamlNode>? Reference(string yaml, out bool keyless)
    {
        keyless = false;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var documents = new List<YamlNode>();
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                // The reader skips a document that is empty ("---" with nothing after it) instead of binding a null.
                if (!parser.Accept<DocumentEnd>(out _) && ReferenceNode(parser, ref keyless) is not YamlScalar { Value: "", IsPlain: true } and var root) documents.Add(root);
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
            return documents;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static YamlNode ReferenceNode(IParser parser, ref bool keyless)
    {
        var at = (ParsingEvent e) => YamlTreeReader.At("t.yaml", e.Start);
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, at(scalar), scalar.Style switch
                {
                    ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => ScalarLayout.Quoted,
                    ScalarStyle.Literal or ScalarStyle.Folded => ScalarLayout.Block,
                    _ => ScalarLayout.Plain,
                });
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReferenceNode(parser, ref keyless));
                return new YamlSequence(items, at(start));
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReferenceNode(parser, ref keyless);
                    var value = ReferenceNode(parser, ref keyless);
                    keyless |= key is YamlScalar { Value: "", IsPlain: true };
                    // The reader keeps the first of duplicate keys and drops complex keys (both reported).
                    if (key is YamlScalar k && entries.All(e => e.Key.Value != k.Value)) entries.Add(new(k, value));
                }

                return new YamlMapping(entries, at(start));
            }

            default:
                throw new InvalidOperationException($"unexpected {parser.Current?.GetType().Name}");
        }
    }

    /// <summary>Kinds, values, styles; positions of non-empty scalars (where empty values sit is a matter of taste).</summary>
    private static string Render(IReadOnlyList<YamlNode> documents, string yaml)
    {
        var text = new StringBuilder();
        foreach (var document in documents) Render(document, text, 0);
        return text.ToString();
    }

    private static void Render(YamlNode node, StringBuilder text, int indent)
    {
        text.Append(' ', indent);
        switch (node)
        {
            case YamlScalar { Value: "" } scalar:
                text.Append($"scalar '' plain={scalar.IsPlain} {scalar.Layout}\n");
                break;
            case YamlScalar scalar:
                text.Append($"scalar '{scalar.Value}' plain={scalar.IsPlain} {scalar.Layout} @{scalar.Location.Line}:{scalar.Location.Column}\n");
                break;
            case YamlSequence sequence:
                text.Append($"sequence @{sequence.Location.Line}:{sequence.Location.Column}\n");
                foreach (var item in sequence.Items)
                {
                    // YamlDotNet gives a single-pair mapping in a flow list ("[a: b]") no position; the reader gives the key's.
                    if (item is YamlMapping { Entries.Count: 1 } pair)
                    {
                        text.Append(' ', indent + 2).Append("mapping\n");
                        Render(pair.Entries[0].Key, text, indent + 4);
                        Render(pair.Entries[0].Value, text, indent + 6);
                    }
                    else
                    {
                        Render(item, text, indent + 2);
                    }
                }

                break;
            case YamlMapping mapping:
                text.Append($"mapping @{mapping.Location.Line}:{mapping.Location.Column}\n");
                foreach (var (key, value) in mapping.Entries)
                {
                    Render(key, text, indent + 2);
                    Render(value, text, indent + 4);
                }

                break;
        }
    }
}
