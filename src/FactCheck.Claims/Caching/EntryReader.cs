using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Caching;

/// <summary>
/// Reads what <see cref="EntryWriter"/> wrote. The bytes are checked against their digest before this runs, so a
/// failure here means a hostile or buggy entry: every count is bounded by the bytes left, every index and enum
/// value is checked, dates and decimals are rebuilt through their validating constructors, and any violation throws
/// <see cref="InvalidDataException"/>, which the cache takes as a miss.
/// </summary>
/// <remarks>
/// Its methods are compiled optimized at once (<c>AggressiveOptimization</c>): a process that decodes 100,000
/// claims is also compiling the rules on the other core, which holds back tiered compilation's promotions, and
/// the decoding ran in unoptimized code for most of its time (1.0-1.1 s of CPU in a process, against 0.3 s in
/// a benchmark process that had warmed up).
/// </remarks>
internal sealed class EntryReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _bytes;
    private readonly int _end;
    private int _at;
    private string[] _table = [];

    // Made once: a method group passed as a delegate allocates a new one at every call (several per claim).
    private readonly Func<Reference> _reference;
    private readonly Func<string> _string;
    private readonly Func<Stance> _stance;
    private readonly Func<Appearance> _appearance;
    private readonly Func<Citation> _citation;
    private readonly Func<Suppression> _suppression;
    private readonly Func<DateExpression> _dateExpression;

    private EntryReader(byte[] bytes, int start, int length)
    {
        _bytes = bytes;
        _at = start;
        _end = start + length;
        (_reference, _string, _stance, _appearance, _citation, _suppression) = (Reference, String, Stance, Appearance, Citation, Suppression);
        _dateExpression = () => new DateExpression(String(), Location());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CachedFile Read(byte[] bytes, int start, int length)
    {
        var reader = new EntryReader(bytes, start, length);
        try
        {
            return reader.File();
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"malformed cache entry: {ex.Message}", ex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CachedFile File()
    {
        var count = Count();
        _table = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = Count();
            _table[i] = Strict.GetString(_bytes, _at, length);
            _at += length;
        }

        var dependencies = List(() => new SourceTextState(String(), OptionalString(), String(), Enum<FileKind>(), Long(), Bytes()));
        var stopped = Bool();
        var sources = List(Source);
        var propositions = List(Proposition);
        var claims = List(Claim);
        var diagnostics = List(Diagnostic);
        if (_at != _end) throw new InvalidDataException("malformed cache entry: bytes left over");
        return new CachedFile(dependencies, stopped, sources, propositions, claims, diagnostics);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Source Source()
    {
        var id = String();
        var kind = Enum<SourceKind>();
        var title = OptionalString();
        var outlet = OptionalString();
        var authors = List(_string);
        var wire = OptionalString();
        var url = OptionalString();
        var language = OptionalString();
        var published = Date();
        var textPath = OptionalString();
        var text = OptionalString();
        var derivedFrom = OptionalReference();
        var note = OptionalString();
        var location = Location();
        var flags = Int();
        if (flags is < 0 or > 15) throw new InvalidDataException("malformed cache entry: source flags");
        var credits = (flags & 8) != 0 ? List(_reference) : null;
        return new Source(
            id, kind, title, outlet, authors, wire, url, language, published, textPath, text, derivedFrom, note, location,
            AuthorsKnown: (flags & 1) != 0, Primary: (flags & 2) != 0, TextExcerpt: (flags & 4) != 0, Credits: credits);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Proposition Proposition() => new(String(), String(), List(_reference), List(_reference), Location());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Claim Claim()
    {
        var id = String();
        var statement = String();
        var claimant = new Claimant(String(), Enum<ClaimantKind>(), OptionalString(), Location());
        var made = Bool() ? new WhenMade(OptionalString(), Date(), Location()) : null;
        var stances = List(_stance);
        var appearances = List(_appearance);
        var cites = List(_citation);
        var review = Review();
        var links = Bool() ? ClaimLinks.Empty : new ClaimLinks(List(_reference), List(_reference), List(_reference));
        var ignore = List(_suppression);
        var note = OptionalString();
        return new Claim(id, statement, claimant, made, stances, appearances, cites, review, links, ignore, note, Location());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Stance Stance() => new(Reference(), Enum<StancePolarity>(), OptionalString(), Location());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Appearance Appearance()
    {
        var source = Reference();
        var attribution = Enum<AttributionKind>();
        var quote = String();
        var attributedAs = OptionalString();
        var via = OptionalString();
        var dates = List(_dateExpression);
        var location = Location();
        var speakerRole = OptionalString();
        var place = OptionalString();
        var occasion = OptionalString();
        var timing = Int() is var t and > 0 ? CheckedEnum<EventTiming>(t - 1) : (EventTiming?)null;
        var audience = OptionalString();
        var hedge = OptionalString();
        var fragments = Bool() ? List(_string) : null;
        return new Appearance(source, attribution, quote, attributedAs, via, dates, location, speakerRole, place, occasion, timing, audience, hedge, fragments);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Citation Citation() => new(OptionalReference(), String(), Location());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Review Review()
    {
        var status = Enum<ReviewStatus>();
        var reviewer = OptionalString();
        var note = OptionalString();
        var location = Location();
        var url = OptionalString();
        var published = Date();
        var rating = OptionalString();
        var value = Decimal();
        var best = Decimal();
        var worst = Decimal();
        var organisation = OptionalString();
        return new Review(status, reviewer, note, location, url, published, rating, value, best, worst, organisation);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Suppression Suppression() => new(Reference(), String(), Location());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Diagnostic Diagnostic() => new(Location(), Enum<DiagnosticSeverity>(), String(), String(), OptionalString());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Reference Reference() => new(String(), Location());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Reference? OptionalReference() => Bool() ? Reference() : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Location Location() => new(String(), Int(), Int());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PartialDate? Date()
    {
        var kind = Int();
        if (kind == 0) return null;
        if (kind is not (1 or 2)) throw new InvalidDataException("malformed cache entry: date kind");
        var (year, month, day) = (Int(), Int(), Int());
        if (kind == 2)
        {
            var time = new TimeOnly(Long());
            var offset = new TimeSpan(Long());
            return PartialDate.OfInstant(new DateTimeOffset(new DateOnly(year, month, day).ToDateTime(time), offset));
        }

        return day != 0 ? PartialDate.OfDay(year, month, day)
            : month != 0 ? PartialDate.OfMonth(year, month)
            : PartialDate.OfYear(year);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private decimal? Decimal()
    {
        if (!Bool()) return null;
        Need(16);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++, _at += 4) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(_at, 4));
        return new decimal(bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<T> List<T>(Func<T> read)
    {
        var count = Count();
        var list = new List<T>(count);
        for (var i = 0; i < count; i++) list.Add(read());
        return list;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string String() => OptionalString() ?? throw new InvalidDataException("malformed cache entry: null where text is required");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? OptionalString()
    {
        var index = Int();
        if (index == 0) return null;
        if (index < 0 || index > _table.Length) throw new InvalidDataException("malformed cache entry: string index");
        return _table[index - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] Bytes()
    {
        var length = Count();
        var bytes = _bytes.AsSpan(_at, length).ToArray();
        _at += length;
        return bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private T Enum<T>()
        where T : struct, Enum => CheckedEnum<T>(Int());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T CheckedEnum<T>(int value)
        where T : struct, Enum
    {
        // Every enum of the model is int-based; no boxing.
        var e = Unsafe.As<int, T>(ref value);
        return System.Enum.IsDefined(e) ? e : throw new InvalidDataException($"malformed cache entry: {value} is not a {typeof(T).Name}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Bool() => Int() switch
    {
        0 => false,
        1 => true,
        _ => throw new InvalidDataException("malformed cache entry: flag"),
    };

    /// <summary>A count of items or bytes still to come: never more than the bytes left, so no entry can make this allocate more than it holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Count()
    {
        var count = Int();
        if (count < 0 || count > _end - _at) throw new InvalidDataException("malformed cache entry: count past the end");
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Need(int bytes)
    {
        if (_end - _at < bytes) throw new InvalidDataException("malformed cache entry: truncated");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Int()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            Need(1);
            var b = _bytes[_at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return (int)value;
        }

        throw new InvalidDataException("malformed cache entry: integer too long");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Long()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            Need(1);
            var b = _bytes[_at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return (long)(value >> 1) ^ -(long)(value & 1);
        }

        throw new InvalidDataException("malformed cache entry: integer too long");
    }
}
