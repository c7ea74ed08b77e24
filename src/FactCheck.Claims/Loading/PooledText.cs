using System.Buffers;

namespace FactCheck.Claims.Loading;

/// <summary>A file's text in a pooled buffer (see <see cref="InputText.ReadPooled"/>); dispose it to give the buffer back.</summary>
public sealed class PooledText : IDisposable
{
    private char[]? _chars;

    internal PooledText(char[] chars, int length)
    {
        _chars = chars;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<char> Span => Chars.AsSpan(0, Length);

    private char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(PooledText));

    /// <summary>A reader over the text; valid until this is disposed.</summary>
    public TextReader CreateReader() => new Reader(Chars, Length);

    public override string ToString() => new(Span);

    public void Dispose()
    {
        if (_chars is { } chars) ArrayPool<char>.Shared.Return(chars);
        _chars = null;
    }

    /// <summary>A <see cref="StringReader"/> over a segment of an array.</summary>
    private sealed class Reader(char[] chars, int length) : TextReader
    {
        private int _position;

        public override int Peek() => _position < length ? chars[_position] : -1;

        public override int Read() => _position < length ? chars[_position++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(buffer.Length, length - _position);
            chars.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override string ReadToEnd()
        {
            var rest = new string(chars, _position, length - _position);
            _position = length;
            return rest;
        }
    }
}
