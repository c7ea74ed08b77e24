using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace FactCheck.Cli.Serving;

/// <summary>
/// A served check's standard output and error, kept in the order they were written (a note on standard error before
/// the findings stays before them on the client's terminal), to be sent to the client in one result
/// (<see cref="WriteResult"/>) and written there segment by segment (<see cref="Replay"/>).
/// </summary>
/// <remarks>
/// The text is encoded to UTF-8 as it is written, into pooled chunks that go straight to the socket. At 100,000 claims
/// the text output is 8.8 MB; kept as text (a StringBuilder, then a string, its UTF-8 bytes, a growing MemoryStream, its
/// array and the frame's copy) it cost the session about 70 MB of allocation a check, most of it large objects
/// (docs/commands.md).
/// </remarks>
internal sealed class OutputCapture : IDisposable
{
    /// <summary>Under the large-object threshold (85,000 bytes).</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Room for one encoded character (a surrogate pair is 4 bytes).</summary>
    private const int MinRoom = 4;

    /// <summary>
    /// The session's own chunks: kept between checks up to 16 MB (256 chunks; more than a 100,000-claim output), so a
    /// check's output allocates nothing once the first has run.
    /// </summary>
    private static readonly ArrayPool<byte> Chunks = ArrayPool<byte>.Create(ChunkBytes, 256);

    private readonly List<Segment> _segments = [];
    private readonly Writer _output;
    private readonly Writer _error;
    private bool _disposed;

    public OutputCapture()
    {
        _output = new Writer(this, error: false);
        _error = new Writer(this, error: true);
    }

    public TextWriter Output => _output;

    public TextWriter Error => _error;

    /// <summary>
    /// Writes one frame of <paramref name="type"/> whose payload is <paramref name="exitCode"/> (32 bits) then the
    /// segments: for each, one byte (1 for standard error), a 32-bit length and the UTF-8 text.
    /// </summary>
    public void WriteResult(Stream stream, byte type, int exitCode)
    {
        lock (_segments)
        {
            Finish();
            long length = 4;
            foreach (var segment in _segments) length += 5 + segment.Length;
            if (length > int.MaxValue) throw new InvalidDataException($"an output of {length} bytes");
            Span<byte> header = stackalloc byte[9];
            header[0] = type;
            BinaryPrimitives.WriteInt32LittleEndian(header[1..], (int)length);
            BinaryPrimitives.WriteInt32LittleEndian(header[5..], exitCode);
            stream.Write(header);
            foreach (var segment in _segments)
            {
                header[0] = segment.Error ? (byte)1 : (byte)0;
                BinaryPrimitives.WriteInt32LittleEndian(header[1..], segment.Length);
                stream.Write(header[..5]);
                foreach (var (chunk, used) in segment.Chunks) stream.Write(chunk, 0, used);
            }

            stream.Flush();
        }
    }

    /// <summary>Writes encoded segments to the client's writers; the process's own streams get the bytes as they are.</summary>
    /// <exception cref="InvalidDataException">Not segments.</exception>
    public static void Replay(ReadOnlySpan<byte> encoded, TextWriter output, TextWriter error)
    {
        Stream? rawOutput = null, rawError = null;
        try
        {
            while (encoded.Length > 0)
            {
                if (encoded.Length < 5) throw new InvalidDataException("a cut segment");
                var isError = encoded[0] == 1;
                var length = BinaryPrimitives.ReadInt32LittleEndian(encoded[1..]);
                if (length < 0 || 5 + length > encoded.Length) throw new InvalidDataException("a cut segment");
                var bytes = encoded.Slice(5, length);
                var writer = isError ? error : output;
                if (ReferenceEquals(writer, Console.Out) || ReferenceEquals(writer, Console.Error))
                {
                    writer.Flush();
                    var raw = isError ? rawError ??= Console.OpenStandardError() : rawOutput ??= Console.OpenStandardOutput();
                    raw.Write(bytes);
                    raw.Flush();
                }
                else
                {
                    writer.Write(Encoding.UTF8.GetString(bytes));
                }

                encoded = encoded[(5 + length)..];
            }
        }
        finally
        {
            rawOutput?.Dispose();
            rawError?.Dispose();
        }
    }

    /// <summary>Gives the chunks back to the pool.</summary>
    public void Dispose()
    {
        lock (_segments)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var segment in _segments)
            {
                foreach (var (chunk, _) in segment.Chunks) Chunks.Return(chunk);
            }

            _segments.Clear();
        }
    }

    private void Append(Writer writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        lock (_segments)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_segments.Count == 0 || _segments[^1].Error != writer.IsError)
            {
                // The other stream's last character, if it was half a surrogate pair, ends its segment (as U+FFFD).
                if (_segments.Count > 0) Encode(_segments[^1], writer.IsError ? _output : _error, [], flush: true);
                _segments.Add(new Segment(writer.IsError));
            }

            Encode(_segments[^1], writer, text, flush: false);
        }
    }

    /// <summary>The last segment's writer gives what it holds back (half a surrogate pair at the very end).</summary>
    private void Finish()
    {
        if (_segments.Count > 0) Encode(_segments[^1], _segments[^1].Error ? _error : _output, [], flush: true);
    }

    private static void Encode(Segment segment, Writer writer, ReadOnlySpan<char> text, bool flush)
    {
        while (true)
        {
            if (segment.Chunks.Count == 0 || ChunkBytes - segment.Chunks[^1].Used < MinRoom) segment.Chunks.Add((Chunks.Rent(ChunkBytes), 0));
            var (chunk, used) = segment.Chunks[^1];
            writer.Encoder.Convert(text, chunk.AsSpan(used, ChunkBytes - used), flush, out var charsUsed, out var bytesUsed, out var completed);
            segment.Chunks[^1] = (chunk, used + bytesUsed);
            segment.Length = checked(segment.Length + bytesUsed);
            text = text[charsUsed..];
            if (completed) return;
        }
    }

    private sealed class Segment(bool error)
    {
        public bool Error { get; } = error;

        public List<(byte[] Chunk, int Used)> Chunks { get; } = [];

        public int Length { get; set; }
    }

    private sealed class Writer(OutputCapture capture, bool error) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public bool IsError => error;

        /// <summary>Keeps half a surrogate pair written at the end of one call for the next.</summary>
        public Encoder Encoder { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

        public override void Write(char value) => capture.Append(this, [value]);

        public override void Write(string? value) => capture.Append(this, value);

        public override void Write(char[] buffer, int index, int count) => capture.Append(this, buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer) => capture.Append(this, buffer);

        public override void Write(StringBuilder? value)
        {
            if (value is null) return;
            foreach (var chunk in value.GetChunks()) capture.Append(this, chunk.Span);
        }
    }
}
