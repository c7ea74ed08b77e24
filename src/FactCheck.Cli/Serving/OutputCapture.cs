using System.Buffers.Binary;
using System.Text;

namespace FactCheck.Cli.Serving;

/// <summary>
/// A served check's standard output and error, kept in the order they were written (a note on standard error before
/// the findings stays before them on the client's terminal), to be sent to the client in one result and written
/// there segment by segment (<see cref="Replay"/>).
/// </summary>
internal sealed class OutputCapture
{
    private readonly List<(bool Error, StringBuilder Text)> _segments = [];

    public OutputCapture()
    {
        Output = new Writer(this, error: false);
        Error = new Writer(this, error: true);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>The segments: for each, one byte (1 for standard error), a 32-bit length and the UTF-8 text.</summary>
    public byte[] Encode()
    {
        lock (_segments)
        {
            using var buffer = new MemoryStream();
            Span<byte> header = stackalloc byte[5];
            foreach (var (error, text) in _segments)
            {
                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                header[0] = error ? (byte)1 : (byte)0;
                BinaryPrimitives.WriteInt32LittleEndian(header[1..], bytes.Length);
                buffer.Write(header);
                buffer.Write(bytes);
            }

            return buffer.ToArray();
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

    private void Append(bool error, ReadOnlySpan<char> text)
    {
        lock (_segments)
        {
            if (_segments.Count == 0 || _segments[^1].Error != error) _segments.Add((error, new StringBuilder()));
            _segments[^1].Text.Append(text);
        }
    }

    private sealed class Writer(OutputCapture capture, bool error) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => capture.Append(error, [value]);

        public override void Write(string? value) => capture.Append(error, value);

        public override void Write(char[] buffer, int index, int count) => capture.Append(error, buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer) => capture.Append(error, buffer);
    }
}
