using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/> trees, one per document, straight from YamlDotNet's
/// scanner tokens: the tree is the only structure built (YamlDotNet's event layer allocates an event per
/// node and looks every scalar up in the runtime's intern table, a global lock that serialised parallel
/// loading). Hostile input is refused with bounded cost: aliases are not followed (no alias bombs),
/// nesting is capped, and a syntax error ends the file with a positioned diagnostic instead of an exception.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Claims files are a few levels deep; anything past this is a mistake or an attack.</summary>
    public const int MaxDepth = 64;

    public static IReadOnlyList<YamlNode> Read(string text, string file, ICollection<Diagnostic> diagnostics) =>
        Read(new StringReader(text), text, file, diagnostics);

    /// <inheritdoc cref="Read(string, string, ICollection{Diagnostic})"/>
    public static IReadOnlyList<YamlNode> Read(PooledText text, string file, ICollection<Diagnostic> diagnostics) =>
        Read(text.CreateReader(), text.Span, file, diagnostics);

    public static IReadOnlyList<YamlNode> Read(TextReader text, string file, ICollection<Diagnostic> diagnostics) =>
        Read(new Scanner(text, skipComments: true), file, diagnostics);

    private static IReadOnlyList<YamlNode> Read(TextReader reader, ReadOnlySpan<char> text, string file, ICollection<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var documents = Read(reader, file, diagnostics);
        if (diagnostics.Count > before) PlaceTabError(text, diagnostics);
        return documents;
    }

    /// <summary>
    /// The scanner reports a tab in the indentation where the block it was reading began (1:1 for a file's top
    /// mapping): the place to fix is the first tab in a line's indentation from there on.
    /// </summary>
    private static void PlaceTabError(ReadOnlySpan<char> text, ICollection<Diagnostic> diagnostics)
    {
        var error = diagnostics.LastOrDefault(d => d.Message.StartsWith(YamlSyntaxErrors.TabMessage, StringComparison.Ordinal));
        if (error is null) return;
        var (line, start) = (1, 0);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r')) continue;

            // text[start..i] is line number `line`.
            if (line >= error.Location.Line)
            {
                var indentation = text[start..i];
                var end = indentation.IndexOfAnyExcept(' ', '\t');
                var tab = (end < 0 ? indentation : indentation[..end]).IndexOf('\t');
                if (tab >= 0)
                {
                    diagnostics.Remove(error);
                    diagnostics.Add(error with { Location = error.Location with { Line = line, Column = tab + 1 } });
                    return;
                }
            }

            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n') i++;
            (line, start) = (line + 1, i + 1);
        }
    }

    /// <summary>Reads from a scanner's tokens.</summary>
    internal static IReadOnlyList<YamlNode> Read(IScanner scanner, string file, ICollection<Diagnostic> diagnostics) =>
        new TokenReader(scanner, file, diagnostics).ReadStream();

    /// <summary>A recursive-descent parser over the token stream (YAML 1.1 block and flow collections).</summary>
    private sealed class TokenReader(IScanner scanner, string file, ICollection<Diagnostic> diagnostics)
    {
        private readonly Stack<MappingBuilder> _freeMappings = new();
        private readonly Stack<List<YamlNode>> _freeLists = new();
        private Token? _next;

        /// <summary>The last token read: where reading stopped when the scanner fails without a position of its own.</summary>
        private Token? _last;

        public List<YamlNode> ReadStream()
        {
            var documents = new List<YamlNode>();
            try
            {
                Expect<StreamStart>("the start of the stream");
                // As YamlDotNet's parser: after "...", more "..." are skipped and the next document needs "---"
                // unless it starts with a mapping or a scalar; before any document, "..." may only end the file.
                var afterEnd = false;
                while (true)
                {
                    if (afterEnd)
                    {
                        while (Peek() is DocumentEnd) Take();
                        if (Peek() is not (DocumentStart or StreamEnd or VersionDirective or TagDirective or BlockMappingStart or Scalar))
                        {
                            Fail(Peek(), "did not find the expected start of a new document ('---') after '...'");
                        }

                        afterEnd = false;
                    }

                    if (Peek() is VersionDirective or TagDirective)
                    {
                        while (Peek() is VersionDirective or TagDirective) Take();
                        if (Peek() is not DocumentStart) Fail(Peek(), "directives ('%YAML', '%TAG') must be followed by '---'");
                    }

                    if (Peek() is StreamEnd) break;
                    if (Peek() is DocumentEnd)
                    {
                        var stray = Take();
                        if (Peek() is not StreamEnd) Fail(stray, "'...' ends a document that was not started; remove it");
                        continue;
                    }

                    if (Peek() is DocumentStart)
                    {
                        Take();
                        if (Peek() is DocumentEnd or DocumentStart or StreamEnd)
                        {
                            // An empty document ("---" alone) holds nothing to bind.
                            if (Peek() is DocumentEnd)
                            {
                                Take();
                                afterEnd = true;
                            }

                            continue;
                        }
                    }

                    if (ReadNode(block: true, indentlessSequence: false, depth: 1) is not { } root) return documents;
                    // A document of nothing but an anchor or a tag is as empty as "---" alone.
                    if (root is not YamlScalar { Value: "", IsPlain: true }) documents.Add(root);
                    if (Peek() is DocumentEnd)
                    {
                        Take();
                        afterEnd = true;
                    }
                    else if (Peek() is not (DocumentStart or StreamEnd or VersionDirective or TagDirective))
                    {
                        Fail(Peek(), "did not find the expected start of a new document ('---') or the end of the file");
                    }
                }
            }
            catch (YamlException ex)
            {
                var (message, help) = YamlSyntaxErrors.Explain(Clean(ex.Message));
                diagnostics.Add(Diagnostic.Error(At(file, ex.Start), "yaml-syntax", $"YAML syntax error: {message}", help));
            }
            catch (SyntaxStop)
            {
                // Already reported where reading stopped.
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner can fail an internal check on malformed streams (found by fuzzing; an unclosed
                // '[' followed by a 'key:' line is one): still a syntax error in the file, reported after the last token
                // read, with no word of the runtime's own message ("Operation is not valid due to the current state...").
                var where = _next is { } token ? At(file, token.Start) : _last is { } last ? At(file, last.End) : new Location(file, 1, 1);
                diagnostics.Add(Diagnostic.Error(
                    where,
                    "yaml-syntax",
                    "YAML syntax error: the text cannot be read on from here",
                    "look for a '[', '{' or quote left open at or before this point; the rest of this file was not read"));
            }

            return documents;
        }

        private YamlNode? ReadNode(bool block, bool indentlessSequence, int depth)
        {
            var token = Peek();
            if (depth > MaxDepth)
            {
                diagnostics.Add(Diagnostic.Error(
                    At(file, token.Start),
                    "yaml-too-deep",
                    $"the YAML is nested more than {MaxDepth} levels deep",
                    "claims files need only a few levels; the rest of this file was not read"));
                return null;
            }

            if (token is AnchorAlias alias)
            {
                diagnostics.Add(Diagnostic.Error(
                    At(file, alias.Start),
                    "yaml-alias",
                    $"YAML aliases (*{alias.Value}) are not supported in claims files",
                    "write the value out in full, or put it in double quotes (\"...\") if the '*' belongs to the text; the rest of this file was not read"));
                return null;
            }

            // Anchors and tags change nothing here: aliases are refused and values are read as text.
            // A node has at most one of each: "&a !t value" or "!t &a value".
            Mark? propertiesAt = null;
            bool anchored = false, tagged = false;
            while (Peek() is Anchor or Tag)
            {
                var property = Take();
                if (property is Anchor ? anchored : tagged) Fail(property, $"a value has at most one {(property is Anchor ? "anchor (&)" : "tag (!)")}");
                anchored |= property is Anchor;
                tagged |= property is Tag;
                propertiesAt ??= property.Start;
            }

            token = Peek();
            switch (token)
            {
                case Scalar scalar:
                    Take();
                    return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(file, propertiesAt ?? scalar.Start), scalar.Style switch
                    {
                        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => ScalarLayout.Quoted,
                        ScalarStyle.Literal or ScalarStyle.Folded => ScalarLayout.Block,
                        _ => ScalarLayout.Plain,
                    });
                case BlockEntry when indentlessSequence:
                    return ReadIndentlessSequence(depth, propertiesAt);
                case FlowSequenceStart:
                    return ReadFlowSequence(depth, propertiesAt);
                case FlowMappingStart:
                    return ReadFlowMapping(depth, propertiesAt);
                case BlockSequenceStart when block:
                    return ReadBlockSequence(depth, propertiesAt);
                case BlockMappingStart when block:
                    return ReadBlockMapping(depth, propertiesAt);
                case AnchorAlias when propertiesAt is not null:
                    return ReadNode(block, indentlessSequence, depth);
                default:
                    if (propertiesAt is { } at) return Empty(at);
                    Fail(token, "did not find the expected value here");
                    return null;
            }
        }

        private YamlSequence? ReadBlockSequence(int depth, Mark? at)
        {
            var start = Take();
            var items = RentItems();
            while (true)
            {
                switch (Peek())
                {
                    case BlockEntry entry:
                        Take();
                        if (Peek() is BlockEntry or BlockEnd) items.Add(Empty(entry.End));
                        else if (ReadNode(block: true, indentlessSequence: false, depth + 1) is { } item) items.Add(item);
                        else return null;
                        break;
                    case BlockEnd:
                        Take();
                        return Sequence(items, At(file, at ?? start.Start));
                    default:
                        Fail(Peek(), "did not find the expected '-' of a list entry; check the indentation");
                        return null;
                }
            }
        }

        /// <summary>A list written at its key's own indentation ("key:" then "- item" lines): no start or end token.</summary>
        private YamlSequence? ReadIndentlessSequence(int depth, Mark? at)
        {
            var start = Peek();
            var items = RentItems();
            while (Peek() is BlockEntry entry)
            {
                Take();
                if (Peek() is BlockEntry or Key or Value or BlockEnd) items.Add(Empty(entry.End));
                else if (ReadNode(block: true, indentlessSequence: false, depth + 1) is { } item) items.Add(item);
                else return null;
            }

            return Sequence(items, At(file, at ?? start.Start));
        }

        private YamlMapping? ReadBlockMapping(int depth, Mark? at)
        {
            var start = Take();
            var mapping = RentMapping();
            while (true)
            {
                YamlNode? key;
                Mark keyEnd;
                switch (Peek())
                {
                    case Key keyToken:
                        Take();
                        keyEnd = keyToken.End;
                        key = Peek() is Key or Value or BlockEnd ? Empty(keyToken.End) : ReadNode(block: true, indentlessSequence: true, depth + 1);
                        if (key is null) return null;
                        break;
                    case BlockEnd:
                        Take();
                        return mapping.Build(At(file, at ?? start.Start));
                    default:
                        Fail(Peek(), "did not find the expected 'key: value' line; check the indentation");
                        return null;
                }

                YamlNode? value;
                if (Peek() is Value valueMark)
                {
                    Take();
                    value = Peek() is Key or Value or BlockEnd ? Empty(valueMark.End) : ReadNode(block: true, indentlessSequence: true, depth + 1);
                    if (value is null) return null;
                }
                else
                {
                    value = Empty(keyEnd);
                }

                mapping.Add(key, value);
            }
        }

        private YamlSequence? ReadFlowSequence(int depth, Mark? at)
        {
            var start = Take();
            var items = RentItems();
            while (true)
            {
                if (Peek() is FlowSequenceEnd)
                {
                    Take();
                    return Sequence(items, At(file, at ?? start.Start));
                }

                if (items.Count > 0)
                {
                    if (Peek() is not FlowEntry)
                    {
                        Fail(Peek(), "did not find the expected ',' or ']' in a [...] list");
                        return null;
                    }

                    Take();
                    if (Peek() is FlowSequenceEnd) continue;
                }

                if (Peek() is Key keyToken)
                {
                    // "[a: b]": a single-pair mapping as a list entry.
                    Take();
                    var key = Peek() is Value or FlowEntry or FlowSequenceEnd ? Empty(keyToken.End) : ReadNode(block: false, indentlessSequence: false, depth + 2);
                    if (key is null) return null;
                    var value = ReadFlowValue(keyToken.End, depth + 2, static t => t is FlowEntry or FlowSequenceEnd);
                    if (value is null) return null;
                    var pair = RentMapping();
                    pair.Add(key, value);
                    items.Add(pair.Build(At(file, keyToken.Start)));
                }
                else if (ReadNode(block: false, indentlessSequence: false, depth + 1) is { } item)
                {
                    items.Add(item);
                }
                else
                {
                    return null;
                }
            }
        }

        private YamlMapping? ReadFlowMapping(int depth, Mark? at)
        {
            var start = Take();
            var mapping = RentMapping();
            var first = true;
            while (true)
            {
                if (Peek() is FlowMappingEnd)
                {
                    Take();
                    return mapping.Build(At(file, at ?? start.Start));
                }

                if (!first)
                {
                    if (Peek() is not FlowEntry)
                    {
                        Fail(Peek(), "did not find the expected ',' or '}' in a {...} mapping");
                        return null;
                    }

                    Take();
                    if (Peek() is FlowMappingEnd) continue;
                }

                first = false;
                YamlNode? key;
                Mark keyEnd;
                if (Peek() is Key keyToken)
                {
                    Take();
                    keyEnd = keyToken.End;
                    key = Peek() is Value or FlowEntry or FlowMappingEnd ? Empty(keyToken.End) : ReadNode(block: false, indentlessSequence: false, depth + 1);
                }
                else
                {
                    // "{a, b: c}": a key without a value.
                    keyEnd = Peek().End;
                    key = ReadNode(block: false, indentlessSequence: false, depth + 1);
                }

                if (key is null) return null;
                var value = ReadFlowValue(keyEnd, depth + 1, static t => t is FlowEntry or FlowMappingEnd);
                if (value is null) return null;
                mapping.Add(key, value);
            }
        }

        private YamlNode? ReadFlowValue(Mark keyEnd, int depth, Func<Token, bool> ends)
        {
            if (Peek() is not Value valueToken) return Empty(keyEnd);
            Take();
            return ends(Peek()) ? Empty(valueToken.End) : ReadNode(block: false, indentlessSequence: false, depth);
        }

        /// <summary>A value left out ("key:" with nothing after it) is an empty plain scalar: null.</summary>
        private YamlScalar Empty(Mark at) => new(string.Empty, isPlain: true, At(file, at));

        private Token Peek()
        {
            if (_next is not null) return _next;
            if (!scanner.MoveNext()) throw new YamlException("unexpected end of the stream");
            _next = scanner.Current!;
            if (_next is Error error)
            {
                throw new YamlException(error.Start, error.End, error.Value);
            }

            return _next;
        }

        private Token Take()
        {
            var token = Peek();
            _next = null;
            _last = token;
            return token;
        }

        private void Expect<T>(string what)
            where T : Token
        {
            if (Take() is not T) throw new YamlException($"did not find {what}");
        }

        private void Fail(Token at, string message)
        {
            var help = YamlSyntaxErrors.GeneralHelp;

            // A value like "no" he said: the quoted part ends the value, and the rest of its line cannot follow it.
            if (_last is Scalar { Style: ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted } quoted && quoted.End.Line == at.Start.Line && at is Scalar)
            {
                (message, help) = YamlSyntaxErrors.AfterClosingQuote(quoted.Style == ScalarStyle.DoubleQuoted);
            }

            diagnostics.Add(Diagnostic.Error(At(file, at.Start), "yaml-syntax", $"YAML syntax error: {message}", help));
            throw new SyntaxStop();
        }

        /// <summary>Collects a mapping's entries, reporting complex and duplicate keys (the first one is kept).</summary>
        private sealed class MappingBuilder(TokenReader reader)
        {
            private const int ScannedKeys = 16;

            private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = [];
            private Dictionary<string, Location>? _index;

            public void Add(YamlNode keyNode, YamlNode value)
            {
                if (keyNode is not YamlScalar key)
                {
                    reader.Report(keyNode.Location, "yaml-complex-key", $"a key must be plain text, not {keyNode.Describe()}");
                    return;
                }

                if (FirstPlaceOf(key) is { } first)
                {
                    reader.Report(
                        key.Location,
                        "duplicate-key",
                        $"duplicate key '{key.Value}' (first at line {first.Line}, column {first.Column})",
                        "keep one of them; YAML would silently use the last");
                    return;
                }

                _entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            }

            public YamlMapping Build(Location at)
            {
                var mapping = new YamlMapping(_entries.ToArray(), at);
                _entries.Clear();
                _index = null;
                reader._freeMappings.Push(this);
                return mapping;
            }

            /// <summary>
            /// Where the key's text was first given in this mapping, if it was. Claims files' mappings hold a
            /// dozen keys at most: a scan is cheaper than a set per mapping; a larger (hostile) mapping gets
            /// an index, so duplicate detection stays linear.
            /// </summary>
            private Location? FirstPlaceOf(YamlScalar key)
            {
                if (_index is null && _entries.Count < ScannedKeys)
                {
                    foreach (var entry in _entries)
                    {
                        if (string.Equals(entry.Key.Value, key.Value, StringComparison.Ordinal)) return entry.Key.Location;
                    }

                    return null;
                }

                if (_index is null)
                {
                    _index = new Dictionary<string, Location>(StringComparer.Ordinal);
                    foreach (var entry in _entries) _index.TryAdd(entry.Key.Value, entry.Key.Location);
                }

                if (_index.TryGetValue(key.Value, out var first)) return first;
                _index.Add(key.Value, key.Location);
                return null;
            }
        }

        /// <summary>
        /// Builders and item lists are reused, one per nesting level in use: a node keeps an exact-size array, not a
        /// list grown by doubling and the builder that filled it (about 100 MB less garbage per 100,000 claims).
        /// </summary>
        private MappingBuilder RentMapping() => _freeMappings.TryPop(out var builder) ? builder : new MappingBuilder(this);

        private List<YamlNode> RentItems() => _freeLists.TryPop(out var items) ? items : [];

        private YamlSequence Sequence(List<YamlNode> items, Location at)
        {
            var sequence = new YamlSequence(items.ToArray(), at);
            items.Clear();
            _freeLists.Push(items);
            return sequence;
        }

        private void Report(Location at, string code, string message, string? help = null) =>
            diagnostics.Add(Diagnostic.Error(at, code, message, help));
    }

    /// <summary>Unwinds the reader after a syntax error has been reported.</summary>
    private sealed class SyntaxStop : Exception;

    internal static Location At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with the position, which our own prefix already gives.</summary>
    private static string Clean(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
        return text.TrimEnd('.');
    }
}
