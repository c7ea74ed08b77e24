using System.Buffers;
using System.Runtime.InteropServices;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Reads the YAML that claims files are written in (block mappings and lists, plain and quoted one-line scalars,
/// one-line <c>{...}</c> and <c>[...]</c>, comments) straight from the text into <see cref="YamlNode"/> trees, with
/// the positions <see cref="YamlTreeReader"/> gives. Anything else (block scalars, multi-line scalars, anchors, tags,
/// several documents, tabs, a syntax error, a duplicate key...) is left to <see cref="YamlTreeReader"/> over
/// YamlDotNet's scanner, the reference, which reads that file from the start: this reader never reports an error
/// itself, so every error a file can get is the reference's.
/// </summary>
/// <remarks>
/// Why hand-written: YamlDotNet's scanner rents its string builders from one process-wide pool, so two scanners
/// contend and loading could not use both cores; and it makes a token object per key, value and indicator. On
/// 100,000 claims this reader and binding on both cores take a fraction of the time (docs/performance.md, Loading).
/// One instance per thread (<see cref="ForThisThread"/>): it keeps its buffers and a <see cref="StringTable"/>.
/// </remarks>
internal sealed class SubsetYamlReader
{
    /// <summary>Below <see cref="YamlTreeReader.MaxDepth"/>: deeper files go to the reference, which reports them.</summary>
    private const int MaxDepth = 48;

    /// <summary>YAML's limit on a simple key's length (YamlDotNet enforces it); longer keys go to the reference.</summary>
    private const int MaxKeyLength = 1024;

    /// <summary>A scratch buffer larger than this (a huge quoted value with escapes) is not kept between files.</summary>
    private const int KeptScratch = 64 * 1024;

    /// <summary>
    /// Entries per block of the shared buffer: a block stays below the large object heap's threshold (85,000 bytes), whose
    /// allocations count towards full collections.
    /// </summary>
    private const int BlockEntries = 2_000;

    /// <summary>Blocks kept between files (a file of 32,000 keys); a larger file's further blocks are dropped after it.</summary>
    private const int KeptBlocks = 16;

    // ASCII control characters other than line feed and carriage return (tabs included: YAML gives them
    // context-dependent meaning), and DEL.
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000b\u000c\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

    [ThreadStatic]
    private static SubsetYamlReader? _forThisThread;

    private readonly StringTable _strings = new();
    private readonly List<YamlEntry> _entries = [];

    /// <summary>
    /// In a transient read, the entries of every mapping of the text, one after the other in blocks reused from file to
    /// file, instead of an array per mapping (98 MB of 100,000 claims' loading). See <see cref="ReadTransient"/>.
    /// </summary>
    private readonly List<YamlEntry[]> _blocks = [];
    private int _block;
    private int _blockLength;
    private bool _transient;
    private readonly List<YamlNode> _items = [];
    private char[] _scratch = new char[256];

    /// <summary>Where the last text refused left the subset (an index into it, or -1 for its characters): for tests' messages.</summary>
    internal int LeftAt { get; private set; }

    /// <summary>The reader of the calling thread.</summary>
    public static SubsetYamlReader ForThisThread => _forThisThread ??= new SubsetYamlReader();

    /// <summary>Reads <paramref name="text"/>: by this reader when it can, else by <see cref="YamlTreeReader"/>.</summary>
    public IReadOnlyList<YamlNode> Read(PooledText text, string file, ICollection<Diagnostic> diagnostics) =>
        TryRead(text.Span, file) ?? YamlTreeReader.Read(text, file, diagnostics);

    /// <inheritdoc cref="Read(PooledText, string, ICollection{Diagnostic})"/>
    public IReadOnlyList<YamlNode> Read(string text, string file, ICollection<Diagnostic> diagnostics) =>
        TryRead(text, file) ?? YamlTreeReader.Read(text, file, diagnostics);

    /// <summary>
    /// <see cref="Read(PooledText, string, ICollection{Diagnostic})"/> for trees used at once and dropped (bound into the
    /// model): their mappings keep their entries in this reader's buffer, which the next read on this reader overwrites.
    /// </summary>
    public IReadOnlyList<YamlNode> ReadTransient(PooledText text, string file, ICollection<Diagnostic> diagnostics) =>
        ReadTransient(text.Span, file) ?? YamlTreeReader.Read(text, file, diagnostics);

    /// <inheritdoc cref="ReadTransient(PooledText, string, ICollection{Diagnostic})"/>
    public IReadOnlyList<YamlNode> ReadTransient(string text, string file, ICollection<Diagnostic> diagnostics) =>
        ReadTransient(text.AsSpan(), file) ?? YamlTreeReader.Read(text, file, diagnostics);

    private List<YamlNode>? ReadTransient(ReadOnlySpan<char> text, string file)
    {
        _transient = true;
        (_block, _blockLength) = (0, 0);
        try
        {
            return TryRead(text, file);
        }
        finally
        {
            _transient = false;
            if (_blocks.Count > KeptBlocks) _blocks.RemoveRange(KeptBlocks, _blocks.Count - KeptBlocks);
        }
    }

    /// <summary>The documents of <paramref name="text"/>, or null when the text needs the reference reader.</summary>
    public List<YamlNode>? TryRead(ReadOnlySpan<char> text, string file)
    {
        if (!CharactersSupported(text))
        {
            LeftAt = -1;
            return null;
        }

        try
        {
            return new Parser(text, file, this).ReadDocuments();
        }
        catch (UnsupportedException ex)
        {
            LeftAt = ex.At;
            return null;
        }
        finally
        {
            _entries.Clear();
            _items.Clear();
            if (_scratch.Length > KeptScratch) _scratch = new char[256];
        }
    }

    /// <summary>
    /// Characters whose meaning or width the reader does not handle: controls (tabs too), a carriage return not
    /// followed by a line feed, C1 controls and NEL, the Unicode line and paragraph separators, surrogates (a column
    /// counts UTF-16 units here), byte-order marks and non-characters.
    /// </summary>
    private static bool CharactersSupported(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(AsciiControls) >= 0) return false;
        if (text.IndexOfAnyInRange('\u0080', '\u009f') >= 0) return false;
        if (text.IndexOfAnyInRange('\u2028', '\u2029') >= 0) return false;
        if (text.IndexOfAnyInRange('\ud800', '\udfff') >= 0) return false;
        if (text.IndexOf('\ufeff') >= 0 || text.IndexOfAnyInRange('\ufffe', '\uffff') >= 0) return false;
        var rest = text;
        while (true)
        {
            var cr = rest.IndexOf('\r');
            if (cr < 0) return true;
            if (cr + 1 >= rest.Length || rest[cr + 1] != '\n') return false;
            rest = rest[(cr + 2)..];
        }
    }

    /// <summary>Thrown where the text leaves the subset: the reference reader takes the file.</summary>
    private sealed class UnsupportedException(int at) : Exception
    {
        public int At { get; } = at;
    }

    /// <summary>
    /// A recursive-descent reader over lines. Each block reader returns positioned at the first character of the next
    /// line that holds content (not blank, not only a comment), with <see cref="_indent"/> its indentation, -1 at the end.
    /// </summary>
    private ref struct Parser(ReadOnlySpan<char> text, string file, SubsetYamlReader owner)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private int _indent;

        public List<YamlNode> ReadDocuments()
        {
            var documents = new List<YamlNode>(1);
            NextContent(allowMarkers: true);
            if (_indent < 0) return documents;
            if (_indent == 0 && IsMarker("---"))
            {
                // "---" alone on its line, at the start: one document follows.
                _pos += 3;
                if (!AtEol(_pos)) throw new UnsupportedException(_pos);
                NextLine();
                NextContent(allowMarkers: false);
                if (_indent < 0) return documents;
            }

            documents.Add(ReadBlockNode(depth: 1));
            if (_indent >= 0) throw new UnsupportedException(_pos);
            return documents;
        }

        /// <summary>A block list or mapping starting at <see cref="_pos"/>, on a line of its own.</summary>
        private YamlNode ReadBlockNode(int depth)
        {
            if (IsEntry(_pos)) return ReadBlockSequence(_indent, depth, indentless: false);
            if (KeyColon() >= 0) return ReadBlockMapping(_indent, depth);
            throw new UnsupportedException(_pos);
        }

        private YamlMapping ReadBlockMapping(int indent, int depth)
        {
            if (depth > MaxDepth) throw new UnsupportedException(_pos);
            var at = At(_pos);
            var start = owner._entries.Count;
            while (true)
            {
                var colon = KeyColon();
                if (colon < 0 || _text[colon - 1] == ' ') throw new UnsupportedException(_pos);
                var key = owner._strings.Get(_text[_pos..colon]);
                CheckUnique(start, key);
                var keyColumn = Column(_pos);
                var keyLine = _line;
                _pos = colon + 1;
                var node = ReadValue(indent, depth + 1, colon + 1, inMapping: true, out var scalar);
                owner._entries.Add(node is null ? new YamlEntry(key, keyLine, keyColumn, scalar) : new YamlEntry(key, keyLine, keyColumn, node));
                if (_indent < indent) break;
                if (_indent > indent || IsEntry(_pos)) throw new UnsupportedException(_pos);
            }

            return TakeMapping(start, at);
        }

        private YamlSequence ReadBlockSequence(int indent, int depth, bool indentless)
        {
            if (depth > MaxDepth) throw new UnsupportedException(_pos);
            var at = At(_pos);
            var start = owner._items.Count;
            while (true)
            {
                var dash = _pos;
                var content = dash + 1;
                while (content < _text.Length && _text[content] == ' ') content++;
                var inline = !AtEol(content) && _text[content] != '#';
                YamlNode item;
                if (inline && IsEntry(content))
                {
                    // "- - x": a list in a list on one line.
                    throw new UnsupportedException(_pos);
                }

                _pos = content;
                if (inline && KeyColon() >= 0)
                {
                    // "- key: value": a mapping whose keys line up with this first one.
                    var column = _pos - _lineStart;
                    item = ReadBlockMapping(column, depth + 1);
                }
                else
                {
                    _pos = dash + 1;
                    item = ReadValue(indent, depth + 1, dash + 1, inMapping: false, out var scalar) ?? scalar.ToNode(file);
                }

                owner._items.Add(item);
                if (_indent < indent) break;
                if (_indent > indent) throw new UnsupportedException(_pos);
                if (!IsEntry(_pos))
                {
                    // A key at the indentation of an indentless list ends it; in an indented list it is an error.
                    if (indentless) break;
                    throw new UnsupportedException(_pos);
                }
            }

            var items = CollectionsMarshal.AsSpan(owner._items)[start..].ToArray();
            owner._items.RemoveRange(start, items.Length);
            return new YamlSequence(items, at);
        }

        /// <summary>
        /// The value after a key's ':' or a list entry's '-' (<see cref="_pos"/> just after it): on this line, or on
        /// the next lines, indented more than <paramref name="parentIndent"/> (or, for a key, a list at its indentation).
        /// </summary>
        /// <param name="emptyAt">Where an empty value is placed: just after the ':' or '-'.</param>
        /// <returns>The value's node, or null when it is a scalar, given in <paramref name="scalar"/>.</returns>
        private YamlNode? ReadValue(int parentIndent, int depth, int emptyAt, bool inMapping, out ScalarText scalar)
        {
            scalar = default;
            var before = _pos;
            SkipSpaces();
            if (AtEol(_pos) || (_text[_pos] == '#' && _pos > before))
            {
                var empty = Scalar(string.Empty, isPlain: true, emptyAt, ScalarLayout.Plain);
                NextLine();
                NextContent(allowMarkers: false);
                if (_indent > parentIndent) return ReadBlockNode(depth);
                if (_indent == parentIndent && inMapping && IsEntry(_pos)) return ReadBlockSequence(_indent, depth, indentless: true);
                scalar = empty;
                return null;
            }

            YamlNode? node = null;
            if (_text[_pos] is '|' or '>')
            {
                scalar = ReadBlockScalar(parentIndent);
            }
            else
            {
                node = ReadInline(depth, out scalar);
                EndOfLine();
            }

            NextContent(allowMarkers: false);

            // A line indented further would continue a plain value over lines, or be an error: the reference decides.
            if (_indent > parentIndent) throw new UnsupportedException(_pos);
            return node;
        }

        /// <summary>A value that ends on its line: a scalar (null, and <paramref name="scalar"/>), or a <c>[...]</c> or <c>{...}</c>.</summary>
        private YamlNode? ReadInline(int depth, out ScalarText scalar)
        {
            scalar = default;
            switch (_text[_pos])
            {
                case '"':
                    scalar = ReadDoubleQuoted();
                    return null;
                case '\'':
                    scalar = ReadSingleQuoted();
                    return null;
                case '[':
                    return ReadFlowSequence(depth);
                case '{':
                    return ReadFlowMapping(depth);
                case '-' when IsEntry(_pos):
                case '?' or ':' or ',' or ']' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`':
                    throw new UnsupportedException(_pos);
            }

            var start = _pos;
            var end = start;
            while (!AtEol(end))
            {
                var c = _text[end];
                if (c == ':' && (AtEol(end + 1) || _text[end + 1] == ' ')) throw new UnsupportedException(_pos);
                if (c == '#' && _text[end - 1] == ' ') break;
                end++;
            }

            while (_text[end - 1] == ' ') end--;
            _pos = end;
            scalar = Scalar(owner._strings.Get(_text[start..end]), isPlain: true, start, ScalarLayout.Plain);
            return null;
        }

        /// <summary>
        /// A <c>|</c> (literal) or <c>&gt;</c> (folded) scalar, with or without <c>-</c> (strip the final line break);
        /// its lines are indented as its first, which is not blank, and each ends with a line break. Left to the
        /// reference: <c>+</c>, an explicit indentation, leading blank lines, lines of spaces only, and folded lines
        /// indented further than the first. Returns at the start of the line after it.
        /// </summary>
        private ScalarText ReadBlockScalar(int parentIndent)
        {
            var at = Scalar(string.Empty, isPlain: false, _pos, ScalarLayout.Block);
            var folded = _text[_pos] == '>';
            _pos++;
            var strip = !AtEol(_pos) && _text[_pos] == '-';
            if (strip) _pos++;
            EndOfLine();
            var i = _pos;
            while (i < _text.Length && _text[i] == ' ') i++;
            var indent = i - _lineStart;
            if (AtEol(i) || indent <= parentIndent) throw new UnsupportedException(_pos);

            var length = 0;
            var breaks = -1;
            while (true)
            {
                i = _pos;
                while (i < _text.Length && _text[i] == ' ') i++;
                if (AtEol(i))
                {
                    if (i > _pos) throw new UnsupportedException(_pos);
                    if (i >= _text.Length) break;
                    breaks++;
                    NextLine();
                    continue;
                }

                if (i - _lineStart < indent) break;
                if (folded && i - _lineStart > indent) throw new UnsupportedException(_pos);
                var content = _text[(_lineStart + indent)..];
                var end = content.IndexOfAny('\r', '\n');
                if (end < 0) throw new UnsupportedException(_pos);

                // Between lines: a folded scalar joins two lines with a space and keeps each blank line between them as
                // a line break; a literal one keeps every line break.
                if (breaks >= 0)
                {
                    var separators = folded ? breaks : breaks + 1;
                    Scratch(length + Math.Max(1, separators));
                    if (separators == 0) owner._scratch[length++] = ' ';
                    for (var n = 0; n < separators; n++) owner._scratch[length++] = '\n';
                }

                Scratch(length + end + 1);
                content[..end].CopyTo(owner._scratch.AsSpan(length));
                length += end;
                breaks = 0;
                _pos = _lineStart + indent + end;
                NextLine();
            }

            if (!strip) owner._scratch[length++] = '\n';
            return at with { Value = owner._strings.Get(owner._scratch.AsSpan(0, length)) };
        }

        private ScalarText ReadDoubleQuoted()
        {
            var start = _pos;
            var i = start + 1;
            var length = 0;
            var escaped = false;
            while (true)
            {
                if (AtEol(i)) throw new UnsupportedException(_pos);
                var c = _text[i];
                if (c == '"') break;
                if (c == '\\')
                {
                    if (!escaped)
                    {
                        escaped = true;
                        length = i - start - 1;
                        Scratch(length);
                        _text[(start + 1)..i].CopyTo(owner._scratch);
                    }

                    i++;
                    c = AtEol(i) ? '\0' : _text[i] switch
                    {
                        '"' => '"',
                        '\\' => '\\',
                        'n' => '\n',
                        't' => '\t',
                        'x' => Hex(ref i, 2),
                        'u' => Hex(ref i, 4),
                        _ => '\0',
                    };
                    if (c == '\0') throw new UnsupportedException(_pos);
                }

                if (escaped)
                {
                    Scratch(length + 1);
                    owner._scratch[length++] = c;
                }

                i++;
            }

            _pos = i + 1;
            var value = escaped ? owner._strings.Get(owner._scratch.AsSpan(0, length)) : owner._strings.Get(_text[(start + 1)..i]);
            return Scalar(value, isPlain: false, start, ScalarLayout.Quoted);
        }

        /// <summary>The character of a <c>\x</c> or <c>\u</c> escape (<paramref name="i"/> at its letter, left at its last digit); NUL where the reference must judge it.</summary>
        private readonly char Hex(ref int i, int digits)
        {
            if (i + digits >= _text.Length) return '\0';
            var value = 0;
            foreach (var d in _text.Slice(i + 1, digits))
            {
                var n = char.IsAsciiDigit(d) ? d - '0' : char.IsAsciiHexDigitLower(d) ? d - 'a' + 10 : char.IsAsciiHexDigitUpper(d) ? d - 'A' + 10 : -1;
                if (n < 0) return '\0';
                value = (value * 16) + n;
            }

            // Surrogates, controls and the like: the reference decides what they mean.
            if (value < 0x20 || (value >= 0x7f && value < 0xa0) || (value >= 0xd800 && value <= 0xdfff) || value >= 0xfffe) return '\0';
            i += digits;
            return (char)value;
        }

        private ScalarText ReadSingleQuoted()
        {
            var start = _pos;
            var i = start + 1;
            var length = 0;
            var escaped = false;
            while (true)
            {
                if (AtEol(i)) throw new UnsupportedException(_pos);
                var c = _text[i];
                if (c == '\'')
                {
                    if (i + 1 >= _text.Length || _text[i + 1] != '\'') break;
                    if (!escaped)
                    {
                        escaped = true;
                        length = i - start - 1;
                        Scratch(length);
                        _text[(start + 1)..i].CopyTo(owner._scratch);
                    }

                    // "''" is one quote.
                    i++;
                }

                if (escaped)
                {
                    Scratch(length + 1);
                    owner._scratch[length++] = c;
                }

                i++;
            }

            _pos = i + 1;
            var value = escaped ? owner._strings.Get(owner._scratch.AsSpan(0, length)) : owner._strings.Get(_text[(start + 1)..i]);
            return Scalar(value, isPlain: false, start, ScalarLayout.Quoted);
        }

        private YamlSequence ReadFlowSequence(int depth)
        {
            if (depth > MaxDepth) throw new UnsupportedException(_pos);
            var at = At(_pos);
            _pos++;
            SkipSpaces();
            var start = owner._items.Count;
            if (!AtEol(_pos) && _text[_pos] == ']')
            {
                _pos++;
                return new YamlSequence([], at);
            }

            while (true)
            {
                owner._items.Add(ReadFlowItem(depth + 1, out var scalar) ?? scalar.ToNode(file));
                if (FlowNext(']')) break;
            }

            var items = CollectionsMarshal.AsSpan(owner._items)[start..].ToArray();
            owner._items.RemoveRange(start, items.Length);
            return new YamlSequence(items, at);
        }

        private YamlMapping ReadFlowMapping(int depth)
        {
            if (depth > MaxDepth) throw new UnsupportedException(_pos);
            var at = At(_pos);
            _pos++;
            SkipSpaces();
            var start = owner._entries.Count;
            if (!AtEol(_pos) && _text[_pos] == '}')
            {
                _pos++;
                return new YamlMapping([], 0, 0, at);
            }

            while (true)
            {
                var keyStart = _pos;
                var keyEnd = FlowPlainEnd();
                if (AtEol(keyEnd) || _text[keyEnd] != ':' || keyEnd == keyStart || _text[keyEnd - 1] == ' ' || AtEol(keyEnd + 1) || _text[keyEnd + 1] != ' '
                    || HasAliasLikeWord(keyStart, keyEnd))
                {
                    throw new UnsupportedException(_pos);
                }

                var key = owner._strings.Get(_text[keyStart..keyEnd]);
                CheckUnique(start, key);
                var keyColumn = Column(keyStart);
                _pos = keyEnd + 1;
                SkipSpaces();
                var node = ReadFlowItem(depth + 1, out var scalar);
                owner._entries.Add(node is null ? new YamlEntry(key, _line, keyColumn, scalar) : new YamlEntry(key, _line, keyColumn, node));
                if (FlowNext('}')) break;
            }

            return TakeMapping(start, at);
        }

        /// <summary>After an item of a <c>[...]</c> or <c>{...}</c>: true at its end, false after a ',' before another item.</summary>
        private bool FlowNext(char close)
        {
            SkipSpaces();
            if (AtEol(_pos)) throw new UnsupportedException(_pos);
            if (_text[_pos] == close)
            {
                _pos++;
                return true;
            }

            if (_text[_pos] != ',') throw new UnsupportedException(_pos);
            _pos++;
            SkipSpaces();
            if (AtEol(_pos) || _text[_pos] is ']' or '}' or ',') throw new UnsupportedException(_pos);
            return false;
        }

        /// <returns>The item's node, or null when it is a scalar, given in <paramref name="scalar"/>.</returns>
        private YamlNode? ReadFlowItem(int depth, out ScalarText scalar)
        {
            scalar = default;
            if (AtEol(_pos)) throw new UnsupportedException(_pos);
            switch (_text[_pos])
            {
                case '"':
                    scalar = ReadDoubleQuoted();
                    return null;
                case '\'':
                    scalar = ReadSingleQuoted();
                    return null;
                case '[':
                    return ReadFlowSequence(depth);
                case '{':
                    return ReadFlowMapping(depth);
            }

            var start = _pos;
            var end = FlowPlainEnd();
            if (end == start || AtEol(end) || _text[end] is not (',' or ']' or '}')) throw new UnsupportedException(_pos);
            _pos = end;
            while (_text[end - 1] == ' ') end--;
            scalar = Scalar(owner._strings.Get(_text[start..end]), isPlain: true, start, ScalarLayout.Plain);
            return null;
        }

        /// <summary>Where a plain scalar inside <c>[...]</c> or <c>{...}</c> ends: at an indicator or the line's end.</summary>
        private int FlowPlainEnd()
        {
            if (AtEol(_pos) || _text[_pos] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
            {
                return _pos;
            }

            var end = _pos;
            while (!AtEol(end) && _text[end] is not (',' or '[' or ']' or '{' or '}' or ':' or '#')) end++;
            return end;
        }

        /// <summary>
        /// Where the ':' of a plain key starting at <see cref="_pos"/> is (followed by a space or the line's end), or
        /// -1 when the line does not start with one.
        /// </summary>
        private readonly int KeyColon()
        {
            if (_text[_pos] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
            {
                return -1;
            }

            // A word starting with '*' makes the line one scalar to the reference (see HasAliasLikeWord): not a key.
            var aliasLike = false;
            for (var i = _pos; !AtEol(i) && i - _pos <= MaxKeyLength; i++)
            {
                var c = _text[i];
                if (c == ':' && (AtEol(i + 1) || _text[i + 1] == ' ')) return aliasLike ? -1 : i;
                if (c == '#' && _text[i - 1] == ' ') return -1;
                aliasLike |= c == '*' && _text[i - 1] is ' ' or '\t';
            }

            return -1;
        }

        /// <summary>
        /// Whether a word of the plain text in [<paramref name="start"/>, <paramref name="end"/>) starts with '*'. The
        /// reference's scanner reads such a word as an alias name, which may hold ':', so "x *y: z" is one scalar to
        /// it, not a key: texts like that are left to it.
        /// </summary>
        private readonly bool HasAliasLikeWord(int start, int end)
        {
            for (var i = start + 1; i < end; i++)
            {
                if (_text[i] == '*' && _text[i - 1] is ' ' or '\t') return true;
            }

            return false;
        }

        private readonly void CheckUnique(int start, string key)
        {
            var entries = CollectionsMarshal.AsSpan(owner._entries)[start..];
            foreach (var entry in entries)
            {
                // The reference reports duplicates (and large mappings are rare): a scan is enough.
                if (ReferenceEquals(entry.Key, key) || string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    throw new UnsupportedException(_pos);
                }
            }

            if (entries.Length > 256) throw new UnsupportedException(_pos);
        }

        /// <summary>The mapping of the entries from <paramref name="start"/>, taken off the reader's stack of them.</summary>
        private readonly YamlMapping TakeMapping(int start, Location at)
        {
            var entries = CollectionsMarshal.AsSpan(owner._entries)[start..];
            var count = entries.Length;
            YamlMapping mapping;
            if (!owner._transient || count > BlockEntries)
            {
                mapping = new YamlMapping(entries.ToArray(), 0, count, at);
            }
            else
            {
                // The next block when this one cannot hold the mapping's entries in one piece.
                if (owner._blockLength + count > BlockEntries || owner._blocks.Count == 0)
                {
                    if (owner._blocks.Count > 0) owner._block++;
                    if (owner._block == owner._blocks.Count) owner._blocks.Add(new YamlEntry[BlockEntries]);
                    owner._blockLength = 0;
                }

                var block = owner._blocks[owner._block];
                entries.CopyTo(block.AsSpan(owner._blockLength));
                mapping = new YamlMapping(block, owner._blockLength, count, at);
                owner._blockLength += count;
            }

            owner._entries.RemoveRange(start, count);
            return mapping;
        }

        /// <summary>After a value: spaces, then a comment or the line's end; moves to the next line.</summary>
        private void EndOfLine()
        {
            var before = _pos;
            SkipSpaces();
            if (!AtEol(_pos) && !(_text[_pos] == '#' && _pos > before)) throw new UnsupportedException(_pos);
            NextLine();
        }

        /// <summary>Moves <see cref="_pos"/> to the start of the next line (or the end of the text).</summary>
        private void NextLine()
        {
            var rest = _text[_pos..];
            var eol = rest.IndexOf('\n');
            if (eol < 0)
            {
                _pos = _text.Length;
                return;
            }

            _pos += eol + 1;
            _line++;
            _lineStart = _pos;
        }

        /// <summary>From a line's start, skips blank and comment lines to the next content; sets <see cref="_indent"/>.</summary>
        private void NextContent(bool allowMarkers)
        {
            while (_pos < _text.Length)
            {
                SkipSpaces();
                if (AtEol(_pos) || _text[_pos] == '#')
                {
                    NextLine();
                    continue;
                }

                _indent = _pos - _lineStart;
                if (!allowMarkers && _indent == 0 && (IsMarker("---") || IsMarker("..."))) throw new UnsupportedException(_pos);
                return;
            }

            _indent = -1;
        }

        private readonly bool IsMarker(string marker) =>
            _text[_pos..].StartsWith(marker, StringComparison.Ordinal) && (AtEol(_pos + 3) || _text[_pos + 3] == ' ');

        private readonly bool IsEntry(int at) => at < _text.Length && _text[at] == '-' && (AtEol(at + 1) || _text[at + 1] == ' ');

        private readonly bool AtEol(int at) => at >= _text.Length || _text[at] is '\n' or '\r';

        private void SkipSpaces()
        {
            while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
        }

        private readonly void Scratch(int length)
        {
            if (owner._scratch.Length >= length) return;
            var larger = new char[Math.Max(length, owner._scratch.Length * 2)];
            owner._scratch.CopyTo(larger, 0);
            owner._scratch = larger;
        }

        /// <summary>The position of <paramref name="index"/>, which must be on the current line.</summary>
        private readonly Location At(int index) => new(file, _line, Column(index));

        private readonly int Column(int index) => index - _lineStart + 1;

        /// <summary>A scalar starting at <paramref name="index"/>, which must be on the current line.</summary>
        private readonly ScalarText Scalar(string value, bool isPlain, int index, ScalarLayout layout) => new(value, isPlain, _line, Column(index), layout);
    }
}
