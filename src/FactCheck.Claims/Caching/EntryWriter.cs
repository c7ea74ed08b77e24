using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Caching;

/// <summary>
/// Writes one file's bound result in the cache's binary form (<see cref="EntryFormat"/>): integers as 7-bit varints,
/// every string once in a table at the front and referred to by its index, so the file name that every location
/// carries, and the ids and words that repeat, cost a byte or two each and are one string again when read.
/// Compiled optimized at once, as <see cref="EntryReader"/> is.
/// </summary>
internal sealed class EntryWriter
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];

    // Made once: a method group passed as a delegate allocates a new one at every call (several per claim).
    private readonly Action<Reference> _reference;
    private readonly Action<string> _string;
    private readonly Action<Stance> _stance;
    private readonly Action<Appearance> _appearance;
    private readonly Action<Citation> _citation;
    private readonly Action<Suppression> _suppression;
    private readonly Action<DateExpression> _dateExpression;

    /// <summary>The file name every location in a file carries: one string, looked up once.</summary>
    private string? _file;
    private int _fileIndex;

    private EntryWriter() =>
        (_reference, _string, _stance, _appearance, _citation, _suppression, _dateExpression) =
        (Reference, String, Stance, Appearance, Citation, Suppression, DateExpression);

    /// <summary>The payload: the string table, then the body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Payload(CachedFile file)
    {
        var writer = new EntryWriter();
        writer.Write(file);
        var table = new ArrayBufferWriter<byte>(writer._body.WrittenCount / 2 + 16);
        WriteVarInt(table, writer._table.Count);
        foreach (var s in writer._table)
        {
            var length = Encoding.UTF8.GetByteCount(s);
            WriteVarInt(table, length);
            Encoding.UTF8.GetBytes(s, table.GetSpan(length));
            table.Advance(length);
        }

        var payload = new byte[table.WrittenCount + writer._body.WrittenCount];
        table.WrittenSpan.CopyTo(payload);
        writer._body.WrittenSpan.CopyTo(payload.AsSpan(table.WrittenCount));
        return payload;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(CachedFile file)
    {
        Int(file.Dependencies.Count);
        foreach (var d in file.Dependencies)
        {
            String(d.Path);
            String(d.Refused);
            String(d.Real);
            Int((int)d.Kind);
            Long(d.Length);
            Bytes(d.Hash);
        }

        Bool(file.Stopped);
        List(file.Sources, Source);
        List(file.Propositions, Proposition);
        List(file.Claims, Claim);
        List(file.Diagnostics, Diagnostic);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Source(Source s)
    {
        String(s.Id);
        Int((int)s.Kind);
        String(s.Title);
        String(s.Outlet);
        List(s.Authors, _string);
        String(s.Wire);
        String(s.Url);
        String(s.Language);
        Date(s.Published);
        String(s.TextPath);
        String(s.Text);
        OptionalReference(s.DerivedFrom);
        String(s.Note);
        Location(s.Location);
        Int((s.AuthorsKnown ? 1 : 0) | (s.Primary ? 2 : 0) | (s.TextExcerpt ? 4 : 0) | (s.Credits is null ? 0 : 8));
        if (s.Credits is not null) List(s.Credits, _reference);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Proposition(Proposition p)
    {
        String(p.Key);
        String(p.Description);
        List(p.Implies, _reference);
        List(p.Excludes, _reference);
        Location(p.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Claim(Claim c)
    {
        String(c.Id);
        String(c.Statement);
        String(c.Claimant.Name);
        Int((int)c.Claimant.Kind);
        String(c.Claimant.Role);
        Location(c.Claimant.Location);
        Bool(c.Made is not null);
        if (c.Made is { } made)
        {
            String(made.Text);
            Date(made.Date);
            Location(made.Location);
        }

        List(c.Stances, _stance);
        List(c.Appearances, _appearance);
        List(c.Cites, _citation);
        Review(c.Review);
        Bool(ReferenceEquals(c.Links, ClaimLinks.Empty));
        if (!ReferenceEquals(c.Links, ClaimLinks.Empty))
        {
            List(c.Links.SameAs, _reference);
            List(c.Links.Contradicts, _reference);
            List(c.Links.Supports, _reference);
        }

        List(c.Ignore, _suppression);
        String(c.Note);
        Location(c.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stance(Stance s)
    {
        Reference(s.Proposition);
        Int((int)s.Polarity);
        String(s.Hedge);
        Location(s.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Appearance(Appearance a)
    {
        Reference(a.Source);
        Int((int)a.Attribution);
        String(a.Quote);
        String(a.AttributedAs);
        String(a.Via);
        List(a.Dates, _dateExpression);
        Location(a.Location);
        String(a.SpeakerRole);
        String(a.Place);
        String(a.Occasion);
        Int(a.Timing is { } timing ? (int)timing + 1 : 0);
        String(a.Audience);
        String(a.Hedge);
        Bool(a.Fragments is not null);
        if (a.Fragments is not null) List(a.Fragments, _string);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DateExpression(DateExpression d)
    {
        String(d.Text);
        Location(d.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Citation(Citation c)
    {
        OptionalReference(c.Source);
        String(c.As);
        Location(c.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Review(Review r)
    {
        Int((int)r.Status);
        String(r.Reviewer);
        String(r.Note);
        Location(r.Location);
        String(r.Url);
        Date(r.Published);
        String(r.Rating);
        Decimal(r.RatingValue);
        Decimal(r.BestRating);
        Decimal(r.WorstRating);
        String(r.Organisation);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Suppression(Suppression s)
    {
        Reference(s.Rule);
        String(s.Reason);
        Location(s.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Diagnostic(Diagnostic d)
    {
        Location(d.Location);
        Int((int)d.Severity);
        String(d.Code);
        String(d.Message);
        String(d.Help);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reference(Reference r)
    {
        String(r.Id);
        Location(r.Location);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OptionalReference(Reference? r)
    {
        Bool(r is not null);
        if (r is not null) Reference(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Location(Location l)
    {
        if (ReferenceEquals(l.File, _file))
        {
            Int(_fileIndex);
        }
        else
        {
            String(l.File);
            (_file, _fileIndex) = (l.File, _strings[l.File] + 1);
        }

        Int(l.Line);
        Int(l.Column);
    }

    /// <summary>A presence byte, then year, month, day (0 when absent), then the time's ticks and the offset's minutes when there is a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Date(PartialDate? date)
    {
        if (date is not { } d)
        {
            Int(0);
            return;
        }

        Int(d.Time is null ? 1 : 2);
        Int(d.Year);
        Int(d.Month ?? 0);
        Int(d.Day ?? 0);
        if (d.Time is { } time)
        {
            Long(time.Ticks);
            Long((d.Offset ?? TimeSpan.Zero).Ticks);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decimal(decimal? value)
    {
        Bool(value is not null);
        if (value is not { } v) return;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        foreach (var b in bits)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_body.GetSpan(4), b);
            _body.Advance(4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void List<T>(IReadOnlyList<T> items, Action<T> write)
    {
        Int(items.Count);
        foreach (var item in items) write(item);
    }

    /// <summary>0 for null, else the string's index in the table plus one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void String(string? s)
    {
        if (s is null)
        {
            Int(0);
            return;
        }

        if (!_strings.TryGetValue(s, out var index))
        {
            index = _table.Count;
            _strings.Add(s, index);
            _table.Add(s);
        }

        Int(index + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bool(bool value) => Int(value ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bytes(byte[] bytes)
    {
        Int(bytes.Length);
        bytes.CopyTo(_body.GetSpan(bytes.Length));
        _body.Advance(bytes.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Int(int value) => WriteVarInt(_body, value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Long(long value)
    {
        // Zig-zag, so small negative offsets stay small.
        var zig = (ulong)((value << 1) ^ (value >> 63));
        var span = _body.GetSpan(10);
        var i = 0;
        while (zig >= 0x80)
        {
            span[i++] = (byte)(zig | 0x80);
            zig >>= 7;
        }

        span[i++] = (byte)zig;
        _body.Advance(i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteVarInt(ArrayBufferWriter<byte> to, int value)
    {
        var v = (uint)value;
        var span = to.GetSpan(5);
        var i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[i++] = (byte)v;
        to.Advance(i);
    }
}
