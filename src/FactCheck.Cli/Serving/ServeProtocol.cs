using System.Buffers.Binary;
using System.Text.Json;

namespace FactCheck.Cli.Serving;

/// <summary>
/// What a client and a session say on the socket: frames of one type byte and a 32-bit length. The client sends one
/// <see cref="Request"/> frame; the session answers with <see cref="KeepAlive"/> frames while it works (so that a
/// client can tell a session at work from a stuck one), <see cref="Accepted"/> once the session has taken the check on
/// (after which it writes the report: the client waits longer before giving up, as giving up then records the run
/// twice), then one <see cref="Result"/> (exit code, then standard output
/// and error in the order written) or one <see cref="Declined"/> (why; the client then checks in-process).
/// <c>factcheck serve --stop</c> sends one <see cref="Stop"/> frame instead (its working folder): a session started
/// from that folder answers <see cref="Stop"/> (what it served) and ends; any other answers <see cref="Declined"/>.
/// </summary>
internal static class ServeProtocol
{
    public const byte Request = (byte)'Q';
    public const byte KeepAlive = (byte)'K';
    public const byte Accepted = (byte)'A';
    public const byte Result = (byte)'R';
    public const byte Declined = (byte)'N';
    public const byte Stop = (byte)'S';

    /// <summary>A request is a command line and a few variables: anything longer is not one.</summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>The client's environment a check reads (output format, colours, step summary, details of errors).</summary>
    public static readonly string[] Variables = ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR", "NO_COLOR", "FACTCHECK_DEBUG"];

    public static void WriteFrame(Stream stream, byte type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = type;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        stream.Write(header);
        stream.Write(payload);
        stream.Flush();
    }

    /// <summary>The next frame; null at the end of the stream. A frame longer than <paramref name="maxBytes"/> is refused.</summary>
    public static (byte Type, byte[] Payload)? ReadFrame(Stream stream, int maxBytes)
    {
        Span<byte> header = stackalloc byte[5];
        var got = 0;
        while (got < 5)
        {
            var n = stream.Read(header[got..]);
            if (n == 0) return null;
            got += n;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
        if (length < 0 || length > maxBytes) throw new InvalidDataException($"a frame of {length} bytes");
        var payload = new byte[length];
        stream.ReadExactly(payload);
        return (header[0], payload);
    }

    /// <summary>A result: the exit code, then the output segments (<see cref="OutputCapture.WriteResult"/>).</summary>
    public static (int ExitCode, ReadOnlyMemory<byte> Segments) DecodeResult(byte[] payload)
    {
        if (payload.Length < 4) throw new InvalidDataException("a cut result");
        return (BinaryPrimitives.ReadInt32LittleEndian(payload), payload.AsMemory(4));
    }
}

/// <summary>One <c>check</c> a client asks a session to run.</summary>
/// <param name="Build">The client's <see cref="ServerFolder.BuildId"/>: a session of another build declines.</param>
/// <param name="Arguments">The command line, from <c>check</c> on.</param>
/// <param name="Variables">The client's values of <see cref="ServeProtocol.Variables"/> (those set).</param>
/// <param name="OutputIsConsole">Whether the client writes to its own standard output (not a writer of a test).</param>
/// <param name="OutputIsTerminal">Whether that standard output is a terminal (colours).</param>
internal sealed record ServeRequest(
    string Build, string WorkingDirectory, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Variables, bool OutputIsConsole, bool OutputIsTerminal)
{
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("build", Build);
            json.WriteString("cwd", WorkingDirectory);
            json.WriteStartArray("args");
            foreach (var argument in Arguments) json.WriteStringValue(argument);
            json.WriteEndArray();
            json.WriteStartObject("env");
            foreach (var (name, value) in Variables) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteBoolean("console", OutputIsConsole);
            json.WriteBoolean("terminal", OutputIsTerminal);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a request.</exception>
    public static ServeRequest Decode(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in root.GetProperty("env").EnumerateObject())
            {
                if (ServeProtocol.Variables.Contains(variable.Name, StringComparer.Ordinal)) variables[variable.Name] = variable.Value.GetString() ?? string.Empty;
            }

            return new ServeRequest(
                root.GetProperty("build").GetString() ?? string.Empty,
                root.GetProperty("cwd").GetString() ?? string.Empty,
                [.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty)],
                variables,
                root.GetProperty("console").GetBoolean(),
                root.GetProperty("terminal").GetBoolean());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException("not a check request", ex);
        }
    }
}
