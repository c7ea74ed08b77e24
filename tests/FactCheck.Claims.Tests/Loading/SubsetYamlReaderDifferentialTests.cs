using System.Text;
using CsCheck;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The loader reads claims files with its own reader of the YAML subset they use and leaves every other file to
/// <see cref="YamlTreeReader"/> (YamlDotNet's scanner), the reference. Whenever the subset reader accepts a text, the
/// reference must read it without a single problem and build the same trees: kinds, values, styles and the position
/// of every node, empty values included.
/// </summary>
public sealed class SubsetYamlReaderDifferentialTests
{
    public static TheoryData<string> RepositoryYamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "claims", "rules", "tests", "examples", "docs" })
        {
            var full = RepositoryPaths.Combine(folder);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!(file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))) continue;
                var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)) continue;
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryYamlFiles))]
    public void Repository_files_read_as_the_reference_reads_them(string file)
    {
        Agrees(File.ReadAllText(RepositoryPaths.Combine(file)));
    }

    [Fact]
    public void The_bundled_claims_files_are_read_by_the_subset_reader()
    {
        // What editors write: were these left to the reference, loading would be slow again without a test failing.
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("claims"), "*.yaml"))
        {
            var reader = new SubsetYamlReader();
            var text = File.ReadAllText(file);
            var at = reader.TryRead(text, "t.yaml") is null ? reader.LeftAt : -2;
            Assert.True(at == -2, $"{Path.GetFileName(file)} is left to the reference at {at}: '{(at >= 0 ? text[at..Math.Min(text.Length, at + 40)] : "")}'");
        }
    }

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y\nc:\n- indentless\n- list\nd: {e: 1, f: [g, h]}\n")]
    [InlineData("a:\nb: ~\nc:   \nd: # comment\ne:\n  # comment\n\n  f: 1\n")]
    [InlineData("- a\n-\n- # comment\n-   b  \n- - nested\n")]
    [InlineData("-\n  a: 1\n  b: 2\n- c: 3\n  d:\n  - e\n  - f\n-   g: h\n    i: j\n")]
    [InlineData("quoted: \"a \\\"b\\\" \\\\ c\\n\\td\"\nsingle: 'it''s'\nempty: ''\nalso: \"\"\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("---\n")]
    [InlineData("--- a: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("# only a comment\n\n")]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("a: 1\r\nb:\r\n  - c\r\n")]
    [InlineData("a: 1\rb: 2\n")]
    [InlineData("a:\tb\n")]
    [InlineData("url: https://example.org/a#b # a comment\ntime: 12:30\nsaid: he said \"no\"\nq: what?\nneg: -5\n")]
    [InlineData("été: “déjà vu” — l'été\nemoji: 😀\n")]
    [InlineData("a: [x, y,]\n")]
    [InlineData("a: [x, y\n")]
    [InlineData("a: {b: 1, b: 2}\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: {b: }\n")]
    [InlineData("a: {b:c}\n")]
    [InlineData("a: [b: c]\n")]
    [InlineData("a: [[[], {}], [x]]\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: b\n\n  # c\n  d\n")]
    [InlineData("a:\n  b\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a: 1\n  - b\n")]
    [InlineData("  a: 1\n b: 2\n")]
    [InlineData("  a: 1\n  b: 2\n")]
    [InlineData("a: \"x\\u00A0y \\x41 \\u00e9 \\u201C\"\n")]
    [InlineData("a: \"\\uD800\"\n")]
    [InlineData("a: \"\\u00\"\n")]
    [InlineData("a: \"\\x0a \\u0009\"\n")]
    [InlineData("a: \"\\ug000\"\n")]
    [InlineData("a: \"\\r \\0 \\/ \\N\"\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("a: \"x\"y\n")]
    [InlineData("a: \"x\"#y\n")]
    [InlineData("a: \"x\" # y\n")]
    [InlineData("\"a\": b\n")]
    [InlineData("[a]: b\n")]
    [InlineData("a : b\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: |\n  one\n\n  two\n   three\nb: >-\n  one\n  two\n\n  three\n")]
    [InlineData("- |-\n  x\n- >\n  y\n  z\n")]
    [InlineData("a: |\n  x\n\n\nb: 1\n")]
    [InlineData("a: >\n  x\n  # not a comment\n# a comment\nb: 1\n")]
    [InlineData("a: | # c\n  x\n")]
    [InlineData("a:\n  - |\n    x\n  - y\n- b: >-\n    z\n")]
    [InlineData("a: |+\n  x\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("a: |\n\n  x\n")]
    [InlineData("a: >\n  x\n   y\n")]
    [InlineData("a: |\n  x")]
    [InlineData("a: |\n  x\n  \n  y\n")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: |\n   x\n  y\n")]
    [InlineData("a:\n  b: |\n  x\n")]
    [InlineData("a: >-\n  text\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a:\n  - b\n  c: d\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("- a: 1\n b: 2\n")]
    [InlineData("- a: 1\n   b: 2\n")]
    [InlineData("a:\n- b\n  - c\n")]
    [InlineData("a:\n  - b:\n    - c\n    - d\n")]
    [InlineData("a: -\n")]
    [InlineData("a: b # c: d\n")]
    [InlineData("a#b: c\n")]
    [InlineData("a #b: c\n")]
    [InlineData("x:\n---\n")]
    [InlineData("-x: 1\n")]
    [InlineData("a: [\"x\", 'y', {b: \"c\"}]\n")]
    [InlineData("a: {x: [1, 2], y: {z: w}}   # end\n")]
    [InlineData("a: { }\nb: [ ]\nc: [ x ,  y ]\n")]
    [InlineData("a: 1 \n b: 2\n")]
    [InlineData("x *y: # note: it's \"fine\"\n")]
    [InlineData("x *y: z\n")]
    [InlineData("x\t*y: z\n")]
    [InlineData("- x *y: z\n")]
    [InlineData("a: {x *y: z}\n")]
    [InlineData("a: [x *y, z]\n")]
    [InlineData("a *b c: d\n")]
    [InlineData("x*y: z\nsaid: he said *really* so\n")]
    public void Hand_picked_texts_read_as_the_reference_reads_them(string yaml)
    {
        Agrees(yaml);
    }

    [Fact]
    public void Texts_in_the_subset_are_read_by_the_subset_reader_as_the_reference_reads_them()
    {
        Gen.Int.Sample(seed =>
        {
            var text = new ClaimsLikeWriter(new Random(seed)).Document();
            var reader = new SubsetYamlReader();
            if (reader.TryRead(text, "t.yaml") is not null)
            {
                Agrees(text);
                return;
            }

            var diagnostics = new List<Diagnostic>();
            YamlTreeReader.Read(text, "t.yaml", diagnostics);
            var at = reader.LeftAt;
            Assert.Fail($"the subset reader left a text of its subset to the reference at {at} ('{(at >= 0 ? text[at..Math.Min(text.Length, at + 20)] : "")}'; the reference reports {string.Join("; ", diagnostics)}):\n{text}");
        }, iter: 1500);
    }

    [Fact]
    public void Texts_with_one_edit_are_read_as_the_reference_reads_them_or_left_to_it()
    {
        const string edits = " \n:-#'\"[]{},&*!|>?%\t\r~x";
        var accepted = 0;
        Gen.Select(Gen.Int, Gen.Int[0, 1_000_000], Gen.Int[0, edits.Length - 1], Gen.Int[0, 2]).Sample((seed, at, edit, kind) =>
        {
            var text = new ClaimsLikeWriter(new Random(seed)).Document();
            var i = at % (text.Length + 1);
            text = kind switch
            {
                0 => text.Insert(i, edits[edit].ToString()),
                1 when i < text.Length => text.Remove(i, 1),
                _ when i < text.Length => text.Remove(i, 1).Insert(i, edits[edit].ToString()),
                _ => text + edits[edit],
            };
            if (Agrees(text)) Interlocked.Increment(ref accepted);
        }, iter: 3000);

        // Most single edits keep the text in the subset; the comparison must have run on enough of them.
        Assert.True(accepted > 750, $"only {accepted} of 3,000 edited texts were read by the subset reader");
    }

    [Fact]
    public void Random_yaml_like_text_reads_as_the_reference_reads_it_or_is_left_to_it()
    {
        string[] pieces =
        [
            "claims:", "\n", "  ", "- ", "id: ", "x", "y z", "{", "}", "[", "]", ", ", ": ", ":", "'q'", "\"d\"", "#c", " #c", "? ",
            "|\n  t", ">\n  t", "---\n", "...\n", "stances:", "kind: article", "!!str ", "&a ", "~", "1", "\n  - ", "\n    ", "\n-", "''",
            "\"a\\\"b\"", "\r\n",
        ];
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            Agrees(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)])));
        }, iter: 3000);
    }

    [Fact]
    public void Deep_nesting_is_left_to_the_reference_which_reports_it()
    {
        var deep = string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 160) + "v: 1\n";
        Assert.Null(new SubsetYamlReader().TryRead(deep, "t.yaml"));
        var flow = "a: " + new string('[', 100) + new string(']', 100) + "\n";
        Assert.Null(new SubsetYamlReader().TryRead(flow, "t.yaml"));
    }

    [Fact]
    public void Repeated_short_values_share_one_string()
    {
        var documents = new SubsetYamlReader().TryRead("- kind: person\n- kind: person\n", "t.yaml");
        Assert.NotNull(documents);
        var items = ((YamlSequence)documents[0]).Items.Cast<YamlMapping>().ToList();
        Assert.Same(items[0].Entries[0].Key.Value, items[1].Entries[0].Key.Value);
        Assert.Same(((YamlScalar)items[0].Entries[0].Value).Value, ((YamlScalar)items[1].Entries[0].Value).Value);
    }

    [Fact]
    public void A_long_value_repeated_soon_after_shares_one_string_and_equal_texts_far_apart_stay_equal()
    {
        const string quote = "The minister said the talks on item 0 were going well";
        var yaml = $"- quote: \"{quote}\"\n- quote: {quote}\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"- quote: {quote} {i}\n")) + $"- quote: '{quote}'\n";
        var documents = new SubsetYamlReader().TryRead(yaml, "t.yaml");
        Assert.NotNull(documents);
        var quotes = ((YamlSequence)documents[0]).Items.Cast<YamlMapping>().Select(m => ((YamlScalar)m.Entries[0].Value).Value).ToList();
        Assert.Same(quotes[0], quotes[1]);
        Assert.Equal(quote, quotes[^1]);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{quote} {i}"), quotes[2..^1]);
    }

    /// <returns>Whether the subset reader read the text (else it is the reference's).</returns>
    private static bool Agrees(string yaml)
    {
        var fast = new SubsetYamlReader().TryRead(yaml, "t.yaml");
        if (fast is null) return false;
        var diagnostics = new List<Diagnostic>();
        var reference = YamlTreeReader.Read(yaml, "t.yaml", diagnostics);
        Assert.True(diagnostics.Count == 0, $"the subset reader read a text the reference reports problems in ({string.Join("; ", diagnostics)}):\n{yaml}");
        Assert.True(Render(reference) == Render(fast), $"the trees differ:\n{yaml}\nreference:\n{Render(reference)}\nsubset reader:\n{Render(fast)}");
        return true;
    }

    private static string Render(IReadOnlyList<YamlNode> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            text.Append("---\n");
            Render(document, text, 0);
        }

        return text.ToString();
    }

    private static void Render(YamlNode node, StringBuilder text, int indent)
    {
        text.Append(' ', indent);
        var at = $"{node.Location.File}:{node.Location.Line}:{node.Location.Column}";
        switch (node)
        {
            case YamlScalar scalar:
                text.Append($"scalar '{scalar.Value.Replace("\n", "\\n", StringComparison.Ordinal)}' plain={scalar.IsPlain} {scalar.Layout} @{at}\n");
                break;
            case YamlSequence sequence:
                text.Append($"sequence @{at}\n");
                foreach (var item in sequence.Items) Render(item, text, indent + 2);
                break;
            case YamlMapping mapping:
                text.Append($"mapping @{at}\n");
                foreach (var (key, value) in mapping.Entries)
                {
                    Render(key, text, indent + 2);
                    Render(value, text, indent + 4);
                }

                break;
        }
    }

    /// <summary>Writes random claims-like YAML inside the subset, in the layouts editors use.</summary>
    internal sealed class ClaimsLikeWriter(Random random)
    {
        private static readonly string[] Keys =
        [
            "claims", "id", "statement", "claimant", "name", "kind", "role", "made", "text", "date", "stances", "proposition",
            "stance", "appearances", "source", "attribution", "quote", "attributed_as", "dates", "cites", "as", "note", "a", "b-c",
            "d.e", "f_1", "clé", "x y", "k:v", "url#1",
        ];

        private static readonly string[] Plain =
        [
            "Person 0", "topic-0.p0", "2023-11-02", "asserts", "https://example.org/a#b", "12:30", "he said \"no\"", "l'été", "“curly” quotes",
            "a, b", "x [y] {z}", "~", "null", "-5", "a -b", "what?", "a:b", "100%", "tab-free text  with  spaces", "é", "A",
            "The minister said the talks on item 0 were going well",
        ];

        private static readonly string[] FlowPlain = ["Person 0", "topic-0.p0", "2023-11-02", "asserts", "~", "l'été", "what?", "x y z", "é", "100%"];

        private static readonly string[] Quoted =
            ["plain", "with \"quotes\"", "back\\slash", "line\nbreak", "tab\there", "it's", "", " padded ", "a: b # c", "[x]"];

        private readonly StringBuilder _text = new();
        private readonly string _newline = random.Next(8) == 0 ? "\r\n" : "\n";

        public string Document()
        {
            if (random.Next(6) == 0) Line("# a comment at the top");
            if (random.Next(6) == 0) Line("---");
            if (random.Next(4) == 0) BlockSequence(0, 1);
            else BlockMapping(0, 1);
            if (random.Next(6) == 0) _text.Append("# the end");
            return _text.ToString();
        }

        private void BlockMapping(int indent, int depth, bool continuesLine = false)
        {
            var keys = Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                if (!(continuesLine && i == 0))
                {
                    Filler(indent);
                    _text.Append(' ', indent);
                }

                _text.Append(keys[i]).Append(':');
                Value(indent, depth + 1, inMapping: true);
            }
        }

        private void BlockSequence(int indent, int depth)
        {
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                Filler(indent);
                _text.Append(' ', indent).Append('-');
                if (depth < 6 && random.Next(3) == 0)
                {
                    var spaces = random.Next(1, 4);
                    _text.Append(' ', spaces);
                    BlockMapping(indent + 1 + spaces, depth + 1, continuesLine: true);
                }
                else
                {
                    Value(indent, depth + 1, inMapping: false);
                }
            }

        }

        /// <summary>After "key:" or "-": a value on the line, nothing, or a block on the next lines.</summary>
        private void Value(int indent, int depth, bool inMapping)
        {
            var choice = depth < 6 ? random.Next(10) : random.Next(5);
            switch (choice)
            {
                case 0:
                    // Nothing: null.
                    End();
                    break;
                case 1 or 2:
                    _text.Append(' ', random.Next(1, 3)).Append(Plain[random.Next(Plain.Length)]);
                    End();
                    break;
                case 3:
                    _text.Append(' ').Append(QuotedScalar());
                    End();
                    break;
                case 4 when random.Next(2) == 0:
                    _text.Append(' ').Append(Flow(depth));
                    End();
                    break;
                case 4:
                    BlockScalar(indent);
                    break;
                case 5 or 6:
                    End();
                    BlockMapping(indent + random.Next(1, 5), depth);
                    break;
                case 7 or 8:
                    End();
                    BlockSequence(indent + random.Next(1, 4), depth);
                    break;
                default:
                    End();
                    if (inMapping) BlockSequence(indent, depth);
                    else BlockMapping(indent + random.Next(1, 4), depth);
                    break;
            }
        }

        /// <summary>A <c>|</c> or <c>&gt;</c> scalar, its lines indented further than <paramref name="indent"/>.</summary>
        private void BlockScalar(int indent)
        {
            var folded = random.Next(2) == 0;
            _text.Append(' ').Append(folded ? '>' : '|');
            if (random.Next(2) == 0) _text.Append('-');
            End();
            var at = indent + random.Next(1, 4);
            var lines = random.Next(1, 6);
            for (var i = 0; i < lines; i++)
            {
                if (i > 0 && random.Next(4) == 0) _text.Append(_newline);
                var more = !folded && i > 0 && random.Next(4) == 0 ? random.Next(1, 3) : 0;
                var words = Plain[random.Next(Plain.Length)] + (random.Next(3) == 0 ? " # not a comment: \"x\"" : "");
                _text.Append(' ', at + more).Append(words).Append(_newline);
            }

            if (random.Next(4) == 0) _text.Append(_newline);
        }

        private string QuotedScalar()
        {
            var text = Quoted[random.Next(Quoted.Length)];
            if (random.Next(2) == 0 && !text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal))
            {
                return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
            }

            return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
        }

        private string Flow(int depth)
        {
            var count = random.Next(0, 4);
            var space = random.Next(3) == 0 ? " " : "";
            var items = new List<string>();
            var mapping = random.Next(2) == 0;
            var keys = Keys.Where(k => k.IndexOfAny([':', '#']) < 0).OrderBy(_ => random.Next()).Take(count).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                var item = depth < 5 && random.Next(5) == 0 ? Flow(depth + 1)
                    : random.Next(4) == 0 ? QuotedScalar()
                    : FlowPlain[random.Next(FlowPlain.Length)];
                items.Add(mapping ? $"{keys[i]}: {item}" : item);
            }

            var (open, close) = mapping ? ("{", "}") : ("[", "]");
            return open + space + string.Join(random.Next(3) == 0 ? " , " : ", ", items) + space + close;
        }

        /// <summary>Ends a line, sometimes with trailing spaces or a comment.</summary>
        private void End()
        {
            switch (random.Next(8))
            {
                case 0:
                    _text.Append("   ");
                    break;
                case 1:
                    _text.Append(" # note: it's \"fine\"");
                    break;
            }

            _text.Append(_newline);
        }

        /// <summary>Sometimes a blank line or a comment line (indented no further than the next line) before the next line.</summary>
        private void Filler(int indent)
        {
            switch (random.Next(10))
            {
                case 0:
                    _text.Append(_newline);
                    break;
                case 1:
                    _text.Append(' ', random.Next(0, indent + 1)).Append("# comment").Append(_newline);
                    break;
            }
        }

        private void Line(string text) => _text.Append(text).Append(_newline);
    }
}
