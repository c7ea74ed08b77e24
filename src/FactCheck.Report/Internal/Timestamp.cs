using System.Globalization;

namespace FactCheck.Report.Internal;

/// <summary>Times are stored as ISO 8601 UTC text ("2026-11-23T19:30:45.123Z"): sortable, and SQLite's date functions read it.</summary>
internal static class Timestamp
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
