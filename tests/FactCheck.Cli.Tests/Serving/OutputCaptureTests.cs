using System.Text;
using FactCheck.Cli.Serving;

namespace FactCheck.Cli.Tests.Serving;

/// <summary>
/// A served check's output goes to the client exactly as written: standard output and error in their order, every
/// character (non-ASCII, surrogate pairs split between two writes, pieces that cross the capture's chunks), whatever
/// the writes are (characters, strings, spans, string builders).
/// </summary>
public sealed class OutputCaptureTests
{
    [Fact]
    public void Output_and_error_reach_the_client_in_order_and_whole()
    {
        var random = new Random(7);
        string[] pieces = ["a", "line\n", "é", "日本語", "🙂", "\u001b[1m", new string('x', 70_000), "Zhang Youxia → «ici»\n", ""];
        for (var round = 0; round < 8; round++)
        {
            using var capture = new OutputCapture();
            var expected = new List<(bool Error, StringBuilder Text)>();
            for (var i = 0; i < 200; i++)
            {
                var error = random.Next(5) == 0;
                var piece = pieces[random.Next(pieces.Length)];
                var writer = error ? capture.Error : capture.Output;
                switch (random.Next(4))
                {
                    case 0: writer.Write(piece); break;
                    case 1: writer.Write(piece.AsSpan()); break;
                    case 2: writer.Write(new StringBuilder(piece)); break;
                    default: foreach (var c in piece) writer.Write(c); break;
                }

                if (piece.Length == 0) continue;
                if (expected.Count == 0 || expected[^1].Error != error) expected.Add((error, new StringBuilder()));
                expected[^1].Text.Append(piece);
            }

            var (exitCode, output, error2, segments) = RoundTrip(capture, 3);
            Assert.Equal(3, exitCode);
            Assert.Equal(string.Concat(expected.Where(e => !e.Error).Select(e => e.Text.ToString())), output);
            Assert.Equal(string.Concat(expected.Where(e => e.Error).Select(e => e.Text.ToString())), error2);
            Assert.Equal(expected.Select(e => (e.Error, Encoding.UTF8.GetBytes(e.Text.ToString()).Length)), segments);
        }
    }

    [Fact]
    public void Half_a_surrogate_pair_left_by_one_stream_ends_its_segment_as_a_replacement()
    {
        using var capture = new OutputCapture();
        capture.Output.Write("a\ud83d");
        capture.Error.Write("note\n");
        capture.Output.Write("\ude42b");
        capture.Output.Write('\ud83d');
        var (_, output, error, _) = RoundTrip(capture, 0);
        // As the text encoded whole per segment was.
        Assert.Equal("a\ufffd\ufffdb\ufffd", output);
        Assert.Equal("note\n", error);
    }

    [Fact]
    public void An_empty_capture_is_an_empty_result()
    {
        using var capture = new OutputCapture();
        var (exitCode, output, error, segments) = RoundTrip(capture, 1);
        Assert.Equal((1, "", ""), (exitCode, output, error));
        Assert.Empty(segments);
    }

    private static (int ExitCode, string Output, string Error, List<(bool Error, int Bytes)> Segments) RoundTrip(OutputCapture capture, int exitCode)
    {
        using var stream = new MemoryStream();
        capture.WriteResult(stream, ServeProtocol.Result, exitCode);
        stream.Position = 0;
        var frame = ServeProtocol.ReadFrame(stream, int.MaxValue);
        Assert.NotNull(frame);
        Assert.Equal(ServeProtocol.Result, frame.Value.Type);
        Assert.Equal(stream.Length, stream.Position);
        var (code, encoded) = ServeProtocol.DecodeResult(frame.Value.Payload);
        var segments = new List<(bool, int)>();
        for (var rest = encoded.Span; rest.Length > 0;)
        {
            var length = BitConverter.ToInt32(rest[1..5]);
            segments.Add((rest[0] == 1, length));
            rest = rest[(5 + length)..];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        OutputCapture.Replay(encoded.Span, output, error);
        return (code, output.ToString(), error.ToString(), segments);
    }
}
