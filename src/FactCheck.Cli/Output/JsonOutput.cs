using System.Text;
using System.Text.Json;

namespace FactCheck.Cli.Output;

/// <summary>Indented, LF-terminated JSON, the same bytes on every platform, streamed to the writer in pieces.</summary>
internal static class JsonOutput
{
    /// <summary>Bytes the JSON writer may hold before <see cref="FlushIfLarge"/> passes them on.</summary>
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",

        // Messages quote claims in many languages; keep them readable. Output is a file or a pipe, never HTML.
        Encoder = ReadableJsonEncoder.Instance,
    };

    /// <remarks>
    /// Formatters call <see cref="FlushIfLarge"/> after each finding, so memory stays flat: 184,679 findings are
    /// 109 MB of JSON, which built whole (buffer, then string) took 5 s and half a gigabyte of fresh pages.
    /// </remarks>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var stream = new TextWriterStream(writer);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        stream.Complete();
        writer.Write('\n');
    }

    public static void FlushIfLarge(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold) json.Flush();
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        // By index: a foreach over the interface boxes an enumerator, three times per finding.
        for (var i = 0; i < values.Count; i++) json.WriteStringValue(values[i]);
        json.WriteEndArray();
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/> (a sequence split between writes is kept).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private readonly char[] _chars = new char[FlushThreshold];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => Decode(buffer, flush: false);

        /// <summary>Writes out what the decoder still holds.</summary>
        public void Complete() => Decode([], flush: true);

        private void Decode(ReadOnlySpan<byte> bytes, bool flush)
        {
            var completed = false;
            while (!completed)
            {
                _decoder.Convert(bytes, _chars, flush, out var used, out var produced, out completed);
                writer.Write(_chars, 0, produced);
                bytes = bytes[used..];
            }
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
