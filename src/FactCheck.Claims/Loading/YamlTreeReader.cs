using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/> trees, one per document. Hostile input is refused with
/// bounded cost: aliases are not followed (no alias bombs), nesting is capped, and a syntax error ends
/// the file with a positioned diagnostic instead of an exception.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Claims files are a few levels deep; anything past this is a mistake or an attack.</summary>
    public const int MaxDepth = 64;

    public static IReadOnlyList<YamlNode> Read(string text, string file, ICollection<Diagnostic> diagnostics)
    {
        var documents = new List<YamlNode>();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                if (parser.Accept<DocumentEnd>(out _))
                {
                    parser.Consume<DocumentEnd>();
                    continue;
                }

                var root = ReadNode(parser, file, depth: 1, diagnostics);
                if (root is null)
                {
                    return documents;
                }

                documents.Add(root);
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(
                At(file, ex.Start),
                "yaml-syntax",
                $"YAML syntax error: {Clean(ex.Message)}",
                "fix the YAML syntax here; the rest of this file was not read"));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's parser can fail an internal check on malformed streams (found by fuzzing);
            // it is still a syntax error in the file, reported where parsing stopped.
            var where = parser.Current is { } current ? At(file, current.End) : new Location(file, 1, 1);
            diagnostics.Add(Diagnostic.Error(
                where,
                "yaml-syntax",
                $"YAML syntax error: {ex.Message.TrimEnd('.')}",
                "fix the YAML syntax near here; the rest of this file was not read"));
        }

        return documents;
    }

    private static YamlNode? ReadNode(IParser parser, string file, int depth, ICollection<Diagnostic> diagnostics)
    {
        var current = parser.Current!;
        if (depth > MaxDepth)
        {
            diagnostics.Add(Diagnostic.Error(
                At(file, current.Start),
                "yaml-too-deep",
                $"the YAML is nested more than {MaxDepth} levels deep",
                "claims files need only a few levels; the rest of this file was not read"));
            return null;
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(file, scalar.Start), scalar.Style switch
                {
                    ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => ScalarLayout.Quoted,
                    ScalarStyle.Literal or ScalarStyle.Folded => ScalarLayout.Block,
                    _ => ScalarLayout.Plain,
                });

            case AnchorAlias alias:
                diagnostics.Add(Diagnostic.Error(
                    At(file, alias.Start),
                    "yaml-alias",
                    $"YAML aliases (*{alias.Value}) are not supported in claims files",
                    "write the value out in full; the rest of this file was not read"));
                return null;

            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(parser, file, depth + 1, diagnostics);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                return new YamlSequence(items, At(file, start.Start));
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                Dictionary<string, Location>? index = null;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, file, depth + 1, diagnostics);
                    if (keyNode is null)
                    {
                        return null;
                    }

                    var value = ReadNode(parser, file, depth + 1, diagnostics);
                    if (value is null)
                    {
                        return null;
                    }

                    if (keyNode is not YamlScalar key)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            keyNode.Location, "yaml-complex-key", $"a key must be plain text, not {keyNode.Describe()}"));
                        continue;
                    }

                    if (FindKey(entries, ref index, key) is { } first)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            key.Location,
                            "duplicate-key",
                            $"duplicate key '{key.Value}' (first at line {first.Line}, column {first.Column})",
                            "keep one of them; YAML would silently use the last"));
                        continue;
                    }

                    entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
                }

                return new YamlMapping(entries, At(file, start.Start));
            }

            default:
                throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
        }
    }

    private const int ScannedKeys = 16;

    /// <summary>
    /// Where <paramref name="key"/>'s text was first given in the mapping, if it was. Claims files' mappings hold a
    /// dozen keys at most: a scan is cheaper than a set per mapping; a larger (hostile) mapping gets an
    /// index, so duplicate detection stays linear.
    /// </summary>
    private static Location? FindKey(List<KeyValuePair<YamlScalar, YamlNode>> entries, ref Dictionary<string, Location>? index, YamlScalar key)
    {
        if (index is null && entries.Count < ScannedKeys)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key.Value, key.Value, StringComparison.Ordinal)) return entry.Key.Location;
            }

            return null;
        }

        if (index is null)
        {
            index = new Dictionary<string, Location>(StringComparer.Ordinal);
            foreach (var entry in entries) index.TryAdd(entry.Key.Value, entry.Key.Location);
        }

        if (index.TryGetValue(key.Value, out var first)) return first;
        index.Add(key.Value, key.Location);
        return null;
    }

    internal static Location At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with the position, which our own prefix already gives.</summary>
    private static string Clean(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
        return text.TrimEnd('.');
    }
}
