using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// The latest version of each claim a run writes, to decide whether the claim needs a new version.
/// A claim in the newest run has its latest version there (a newer one would have been written by a newer
/// run), so that run's claims are read in one range scan; only claims it lacks (new, or back after a gap)
/// are looked up one by one. Reading every claim's latest version with GROUP BY sorted the whole history
/// instead, and took longer than writing the run's claims.
/// </summary>
internal sealed class LatestVersions : IDisposable
{
    private const string LatestRunSql = """
        SELECT rc.claim_id, v.version_id, v.version, v.digest, v.status
        FROM run_claims rc JOIN claim_versions v ON v.version_id = rc.version_id
        WHERE rc.run_id = (SELECT max(run_id) FROM runs)
        """;

    private const string OneClaimSql = "SELECT version_id, version, digest, status FROM claim_versions WHERE claim_id = ? ORDER BY version DESC LIMIT 1";

    private readonly sqlite3 _database;
    private readonly Dictionary<string, Version> _inLatestRun = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);
    private readonly sqlite3_stmt? _oneClaim;

    /// <param name="readLatestRun">Read the latest run's claims at once (worth it when many claims are written); else each claim is looked up.</param>
    public LatestVersions(SqliteConnection connection, bool historyIsEmpty, bool readLatestRun = true)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (historyIsEmpty)
        {
            return;
        }

        if (!readLatestRun)
        {
            Check(raw.sqlite3_prepare_v2(_database, OneClaimSql, out _oneClaim));
            return;
        }

        Check(raw.sqlite3_prepare_v2(_database, LatestRunSql, out var statement));
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                _inLatestRun[Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 0))] = Read(statement, 1);
            }

            Done(rc);
        }

        Check(raw.sqlite3_prepare_v2(_database, OneClaimSql, out _oneClaim));
    }

    /// <summary>The claim's latest version, or null when the report never saw the claim.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Version? Find(string claimId)
    {
        if (_inLatestRun.TryGetValue(claimId, out var version))
        {
            return version;
        }

        if (_oneClaim is null)
        {
            return null;
        }

        Check(raw.sqlite3_bind_text(_oneClaim, 1, Encoding.UTF8.GetBytes(claimId)));
        try
        {
            var rc = raw.sqlite3_step(_oneClaim);
            if (rc == raw.SQLITE_ROW)
            {
                return Read(_oneClaim, 0);
            }

            Done(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_oneClaim);
        }
    }

    public void Dispose() => _oneClaim?.Dispose();

    private Version Read(sqlite3_stmt statement, int first)
    {
        var digestIsBlob = raw.sqlite3_column_type(statement, first + 2) == raw.SQLITE_BLOB;
        var digest = raw.sqlite3_column_blob(statement, first + 2);
        var status = Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, first + 3));
        if (!_statuses.TryGetValue(status, out var shared))
        {
            _statuses[status] = shared = status;
        }

        return new Version(
            raw.sqlite3_column_int64(statement, first),
            raw.sqlite3_column_int64(statement, first + 1),
            digestIsBlob ? digest.ToArray() : null,
            digestIsBlob ? null : Encoding.UTF8.GetString(digest),
            shared);
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _database);

    private void Done(int rc)
    {
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }

    /// <summary>A stored version; its digest is bytes (see <see cref="HexKey"/>) or text.</summary>
    internal sealed record Version(long VersionId, long Number, byte[]? DigestBytes, string? DigestText, string Status)
    {
        /// <summary>True when <paramref name="digest"/> and <paramref name="status"/> are this version's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Matches(string digest, string status)
        {
            if (!string.Equals(Status, status, StringComparison.Ordinal))
            {
                return false;
            }

            if (DigestBytes is null)
            {
                return string.Equals(DigestText, digest, StringComparison.Ordinal);
            }

            Span<byte> packed = stackalloc byte[32];
            return HexKey.TryPack(digest, packed, out var length) && packed[..length].SequenceEqual(DigestBytes);
        }
    }
}
