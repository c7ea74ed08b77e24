using System.Text;
using System.Text.Json;

namespace FactCheck.Cli.ClaimReview;

/// <summary>Reads one JSON block into <see cref="LdNode"/>s with System.Text.Json's reader (its syntax errors carry line and byte).</summary>
internal static class LdParser
{
    /// <summary>Deeper JSON is refused: ClaimReview markup nests four or five levels; this bounds the recursion.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = MaxDepth,
        // Hand-written page markup often carries these; search engines' parsers accept them too.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="JsonException">Malformed JSON, with <see cref="JsonException.LineNumber"/> and <see cref="JsonException.BytePositionInLine"/>.</exception>
    public static LdNode Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        reader.Read(); // an empty block throws here, with its position
        var node = Value(ref reader);
        reader.Read(); // anything after the value throws here
        return node;
    }

    private static LdNode Value(ref Utf8JsonReader reader)
    {
        var at = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, LdNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members.Add(new(name, Value(ref reader)));
                }

                return new LdNode { Kind = LdNode.NodeKind.Object, Offset = at, Members = members };
            case JsonTokenType.StartArray:
                var items = new List<LdNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Value(ref reader));
                return new LdNode { Kind = LdNode.NodeKind.Array, Offset = at, Items = items };
            case JsonTokenType.String:
                return new LdNode { Kind = LdNode.NodeKind.String, Offset = at, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new LdNode { Kind = LdNode.NodeKind.Number, Offset = at, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new LdNode { Kind = LdNode.NodeKind.True, Offset = at };
            case JsonTokenType.False:
                return new LdNode { Kind = LdNode.NodeKind.False, Offset = at };
            default:
                return new LdNode { Kind = LdNode.NodeKind.Null, Offset = at };
        }
    }
}
