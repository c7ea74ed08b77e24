using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>Turns SQLite's result codes into messages a user can act on.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static ReportException Wrap(SqliteException error, string path, string doing) => error.SqliteErrorCode switch
    {
        NotADatabase => new ReportException(
            $"'{path}' is not a FactCheck report: it is not an SQLite database (or it is damaged). It was left untouched; pass another path for the report.",
            error),
        Corrupt => new ReportException(
            $"'{path}' is damaged (SQLite: {error.Message.TrimEnd('.')}) while {doing}. Nothing was written; restore the report from a backup, or move it away to start a new one.",
            error),
        Busy or Locked => new ReportException(
            $"'{path}' stayed locked by another process while {doing}. Nothing was written; wait for the other run to finish and try again.",
            error),
        ReadOnly => new ReportException(
            $"'{path}' cannot be written while {doing}: the file or its directory is read-only. Check the permissions or pass another path.",
            error),
        Full => new ReportException($"The disk is full while {doing} '{path}'. Nothing was written; free some space and try again.", error),
        CantOpen => new ReportException(
            $"'{path}' cannot be opened while {doing}: check that its directory exists and can be written.",
            error),
        IoError => new ReportException($"A disk error happened while {doing} '{path}' ({error.Message.TrimEnd('.')}). Nothing was written.", error),
        _ => new ReportException($"SQLite failed while {doing} '{path}': {error.Message}", error),
    };
}
