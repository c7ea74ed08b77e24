using System.Globalization;
using Dapper;
using FactCheck.Report.Internal;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report;

/// <summary>
/// A FactCheck report: one SQLite file that keeps every run's claims, rules and findings.
/// <see cref="Open"/> creates or upgrades a report for writing; <see cref="OpenReadOnly"/> reads one without
/// changing a byte. Every failure is a <see cref="ReportException"/>.
/// A store is not thread-safe; open one per thread (SQLite serialises the writers).
/// </summary>
public sealed class ReportStore : IDisposable
{
    /// <summary>The schema version this library writes (PRAGMA user_version).</summary>
    public static int CurrentSchemaVersion => Migrations.CurrentVersion;

    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>PRAGMA cache_size of every connection: 64 MiB (a negative size is in KiB).</summary>
    private const int CacheKibibytes = -65536;

    /// <summary>The page size of a new report (an existing one keeps its own).</summary>
    internal const int PageSize = 16_384;

    private readonly SqliteConnection _connection;

    /// <summary>The run being recorded on the connection (see <see cref="BeginRun"/>), if any.</summary>
    private PendingRun? _pending;

    /// <summary>
    /// A report this store created is in rollback-journal mode until its first run is committed (or the store is
    /// disposed), then in WAL mode like every report: see <see cref="EnterWal"/>.
    /// </summary>
    private bool _walPending;

    private ReportStore(string path, SqliteConnection connection, bool isReadOnly, int schemaVersion, bool walPending = false)
    {
        Path = path;
        _connection = connection;
        IsReadOnly = isReadOnly;
        SchemaVersion = schemaVersion;
        _walPending = walPending;
    }

    /// <summary>The full path of the report file.</summary>
    public string Path { get; }

    public bool IsReadOnly { get; }

    /// <summary>The schema version of the file (older than <see cref="CurrentSchemaVersion"/> only when opened read-only).</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest complete run (failed runs are skipped), or null when the report holds none yet.</summary>
    public long? LatestRunId => Guard("reading the latest run", () =>
        _connection.ExecuteScalar<long?>("SELECT max(run_id) FROM runs" + WhereComplete));

    /// <summary>The newest run, failed or not.</summary>
    public long? LatestRunIdIncludingFailed => Guard("reading the latest run", () =>
        _connection.ExecuteScalar<long?>("SELECT max(run_id) FROM runs"));

    /// <summary>" WHERE status = 'complete'" where the schema records failed runs (version 4 on).</summary>
    private string WhereComplete => SchemaVersion >= 4 ? " WHERE status = 'complete'" : string.Empty;

    /// <summary>The store's own connection: a <see cref="PendingRun"/> writes on it; tests use it (e.g. to shrink the page cache so a transaction spills to the WAL).</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>Test hook: called after each stage of <see cref="WriteRun"/>, inside its transaction.</summary>
    internal Action<string>? StageCompleted { get; set; }

    /// <summary>
    /// Opens the report at <paramref name="path"/> for writing: creates it when the file is missing or empty,
    /// upgrades an older report in place, and refuses (untouched) a newer report, another SQLite database, or
    /// a file that is not a database.
    /// </summary>
    public static ReportStore Open(string path)
    {
        var fullPath = FullPath(path);
        var exists = SqliteHeader.CheckExisting(fullPath);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!exists && directory is not null && !Directory.Exists(directory))
        {
            throw new ReportException($"Cannot create the report '{fullPath}': the directory '{directory}' does not exist.");
        }

        var connection = Connect(fullPath, SqliteOpenMode.ReadWriteCreate);
        try
        {
            return Create(connection, fullPath);
        }
        catch (ReportException) when (!exists)
        {
            // A new report that could not be set up (a full disk) leaves no empty file behind to be mistaken for one.
            RemoveIfEmpty(fullPath);
            throw;
        }
    }

    private static void RemoveIfEmpty(string fullPath)
    {
        try
        {
            if (new FileInfo(fullPath) is { Exists: true, Length: 0 })
            {
                File.Delete(fullPath);
                File.Delete(fullPath + "-wal");
                File.Delete(fullPath + "-shm");
                File.Delete(fullPath + "-journal");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left as it is; the error already says what failed.
        }
    }

    private static ReportStore Create(SqliteConnection connection, string fullPath)
    {
        return Setting(connection, fullPath, () =>
        {
            var version = SchemaManager.Check(connection, null, fullPath, allowBlank: true);
            if (version == 0)
            {
                // 16 KB pages: a run appends tens of megabytes, and SQLite moves pages through the WAL and the
                // checkpoint one system call each (best of 3 x 3 attempts: 0.20-0.23 s per commit and checkpoint
                // against 0.31-0.45 s with 4 KB pages). Only a new file takes a page size, before its first write.
                connection.Execute($"PRAGMA page_size = {PageSize}");
            }

            if (version < Migrations.CurrentVersion)
            {
                SchemaManager.Upgrade(connection, fullPath);
            }

            // WAL lets readers keep reading while a run is written; it is a property of the file. A file created here
            // stays in rollback-journal mode for its first run: that run's pages are all new, so the journal holds
            // only the few pages the schema had, and its ~70 MB go to the file once instead of to the WAL and then
            // again to the file at the checkpoint. There is nothing yet for a reader to keep reading.
            var walPending = version == 0 && string.Equals(connection.ExecuteScalar<string>("PRAGMA journal_mode"), "delete", StringComparison.OrdinalIgnoreCase);
            if (!walPending && !string.Equals(connection.ExecuteScalar<string>("PRAGMA journal_mode"), "wal", StringComparison.OrdinalIgnoreCase))
            {
                connection.Execute("PRAGMA journal_mode = WAL");
            }

            connection.Execute("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY");
            return new ReportStore(fullPath, connection, isReadOnly: false, Migrations.CurrentVersion, walPending);
        });
    }

    /// <summary>
    /// Opens an existing report for reading only (any schema version up to the current one); the connection
    /// is read-only, so nothing in the file changes.
    /// </summary>
    public static ReportStore OpenReadOnly(string path)
    {
        var fullPath = FullPath(path);
        if (!SqliteHeader.CheckExisting(fullPath))
        {
            throw new ReportException($"There is no report at '{fullPath}'. Run `factcheck check` with this report path first.");
        }

        var connection = ConnectForReading(fullPath);
        return Setting(connection, fullPath, () =>
        {
            connection.Execute("PRAGMA query_only = 1");
            var version = SchemaManager.Check(connection, null, fullPath, allowBlank: false);
            return new ReportStore(fullPath, connection, isReadOnly: true, version);
        });
    }

    /// <summary>Runs the set-up of a freshly opened connection; on failure the connection is closed, and SQLite's errors name the file.</summary>
    private static ReportStore Setting(SqliteConnection connection, string fullPath, Func<ReportStore> setUp)
    {
        try
        {
            return setUp();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Wrap(e, fullPath, "opening the report");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The fingerprints of a run's findings in another report file (a baseline), e.g. the main branch's report.</summary>
    /// <param name="runId">The run to take; the latest when null. A report without runs gives an empty set.</param>
    public static IReadOnlySet<string> ReadBaselineFingerprints(string reportPath, long? runId = null)
    {
        using var store = OpenReadOnly(reportPath);
        return store.GetFingerprints(runId);
    }

    /// <summary>Records a run in one transaction: either all of it lands or none (also when the process dies).</summary>
    /// <returns>The new run's id.</returns>
    /// <param name="memory">For a caller that records run after run in one process: what the store remembers between them (see <see cref="RunMemory"/>).</param>
    public long WriteRun(RunData run, RunMemory? memory = null)
    {
        RefuseWhileRecording();
        RefuseReadOnly();
        var runId = Writing(() => RunWriter.Write(_connection, run, memory, StageCompleted));
        EnterWal();
        return runId;
    }

    /// <summary>
    /// Puts a report this store created in WAL mode once its first run is committed (or when the store is disposed without
    /// one). Where another connection is reading at that moment the switch is left to the next <see cref="Open"/>: the
    /// run is committed either way, and a rollback-journal file is as durable.
    /// </summary>
    internal void EnterWal()
    {
        if (!_walPending) return;
        _walPending = false;
        try
        {
            _connection.Execute("PRAGMA journal_mode = WAL");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
        }
    }

    /// <summary>
    /// Starts recording a run whose findings are not known yet: its sources, claims, appearances and citations (the
    /// rest of <paramref name="inputs"/> is not read) are validated and written on a thread of their own, in one
    /// transaction that <see cref="PendingRun.Complete"/> finishes. The write lock is held from now until then, so
    /// another process recording a run in the same report waits (readers do not). Until the pending run is completed
    /// or disposed, the store does nothing else.
    /// </summary>
    /// <param name="memory">For a caller that records run after run in one process: what the store remembers between them (see <see cref="RunMemory"/>).</param>
    public PendingRun BeginRun(RunData inputs, RunMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RefuseWhileRecording();
        RefuseReadOnly();
        var stageCompleted = StageCompleted;
        var writing = Task.Factory.StartNew(
            () => Writing(() => RunWriter.WriteInputs(_connection, inputs, memory, stageCompleted)),
            CancellationToken.None,
            TaskCreationOptions.LongRunning, // beside long-running work (the rules): not behind it in the thread pool's queue
            TaskScheduler.Default);
        return _pending = new PendingRun(this, writing);
    }

    /// <summary>Runs a write, with SQLite's errors turned into <see cref="ReportException"/>s that name the file.</summary>
    internal T Writing<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(e, Path, "writing a run to");
        }
    }

    internal void EndRun(PendingRun run)
    {
        if (ReferenceEquals(_pending, run)) _pending = null;
    }

    private void RefuseWhileRecording()
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException("The store is recording a run: complete or dispose the PendingRun first.");
        }
    }

    private void RefuseReadOnly()
    {
        if (IsReadOnly)
        {
            throw new ReportException($"'{Path}' was opened read-only; open it with ReportStore.Open to record a run.");
        }
    }

    /// <summary>All runs, oldest first.</summary>
    public IReadOnlyList<RunInfo> GetRuns() => Guard("reading the runs of", () =>
        _connection.Query<RunRow>(RunRow.Select(SchemaVersion) + " ORDER BY run_id").Select(r => r.ToInfo()).ToList());

    /// <summary>One run; throws when the report does not hold it.</summary>
    public RunInfo GetRun(long runId) => Guard("reading a run of", () =>
        _connection.QuerySingleOrDefault<RunRow>(RunRow.Select(SchemaVersion) + " WHERE run_id = @runId", new { runId })?.ToInfo())
        ?? throw MissingRun(runId);

    /// <summary>The complete run recorded just before <paramref name="runId"/>, or null for the first run.</summary>
    public long? GetPreviousRunId(long runId) => Guard("reading the runs of", () =>
        _connection.ExecuteScalar<long?>("SELECT max(run_id) FROM runs WHERE run_id < @runId" + WhereComplete.Replace(" WHERE", " AND", StringComparison.Ordinal), new { runId }));

    /// <summary>What a run (the latest when null) found, and how that differs from the run before it.</summary>
    public RunSummary GetRunSummary(long? runId = null)
    {
        var run = GetRun(ResolveRun(runId));
        return Guard("summarising a run of", () =>
        {
            var id = run.RunId;
            var previous = GetPreviousRunId(id);
            var findingsOf = SchemaVersion >= 5 ? "run_findings" : "findings";
            var range = SchemaVersion >= 5 ? null : FindingReader.Range(_connection, id);
            var p = new { id, previous = previous ?? -1, first = range?.First ?? 0, last = range?.Last ?? -1 };

            // Before version 5 the run's rows by id range, in table order (see FindingReader); new and fixed below need
            // only the (run_id, fingerprint) index, or from version 5 the key of run_findings.
            var bySeverity = _connection.Query<(string Key, long Count)>(
                SchemaVersion >= 5
                    ? "SELECT c.severity, count(*) FROM run_findings r JOIN finding_contents c ON c.finding_id = r.finding_id WHERE r.run_id = @id GROUP BY c.severity ORDER BY c.severity"
                    : "SELECT severity, count(*) FROM findings WHERE finding_id BETWEEN @first AND @last AND +run_id = @id GROUP BY severity ORDER BY severity", p)
                .ToDictionary(r => r.Key, r => (int)r.Count, StringComparer.Ordinal);
            var byStatus = _connection.Query<(string Key, long Count)>(
                "SELECT status, count(*) FROM claims WHERE run_id = @id GROUP BY status ORDER BY status", p)
                .ToDictionary(r => r.Key, r => (int)r.Count, StringComparer.Ordinal);
            var findings = bySeverity.Values.Sum();
            var added = _connection.ExecuteScalar<int>(
                $"SELECT count(*) FROM {findingsOf} f WHERE f.run_id = @id AND NOT EXISTS (SELECT 1 FROM {findingsOf} o WHERE o.run_id = @previous AND o.fingerprint = f.fingerprint)", p);
            var fixedCount = _connection.ExecuteScalar<int>(
                $"SELECT count(*) FROM {findingsOf} o WHERE o.run_id = @previous AND NOT EXISTS (SELECT 1 FROM {findingsOf} f WHERE f.run_id = @id AND f.fingerprint = o.fingerprint)", p);
            var errors = SchemaVersion >= 2 ? _connection.ExecuteScalar<int>("SELECT count(*) FROM run_errors WHERE run_id = @id", p) : 0;
            return new RunSummary(
                run,
                previous,
                Sources: _connection.ExecuteScalar<int>("SELECT count(*) FROM sources WHERE run_id = @id", p),
                Claims: byStatus.Values.Sum(),
                Rules: _connection.ExecuteScalar<int>("SELECT count(*) FROM rules WHERE run_id = @id", p),
                Findings: findings,
                Errors: errors,
                bySeverity,
                byStatus,
                NewFindings: added,
                FixedFindings: fixedCount,
                UnchangedFindings: findings - added);
        });
    }

    /// <summary>The findings of a run, in the order they were recorded.</summary>
    public IReadOnlyList<ReportedFinding> GetFindings(long runId)
    {
        GetRun(runId);
        return Guard("reading the findings of", () => ReadFindings(runId));
    }

    /// <summary>The fingerprints of a run's findings (the latest run when null; empty when there is no run).</summary>
    public IReadOnlySet<string> GetFingerprints(long? runId = null)
    {
        var id = runId ?? LatestRunId;
        if (id is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        RefuseFailed(GetRun(id.Value), "a baseline");
        return Guard("reading the fingerprints of", () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = SchemaVersion >= 5 ? "SELECT fingerprint FROM run_findings WHERE run_id = $run" : "SELECT fingerprint FROM findings WHERE run_id = $run";
            command.Parameters.AddWithValue("$run", id.Value);
            using var reader = command.ExecuteReader();
            var prints = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                // Schema version 3 stores FactCheck's own fingerprints as bytes (see HexKey).
                prints.Add(reader.GetValue(0) is byte[] bytes ? HexKey.Unpack(bytes) : reader.GetString(0));
            }

            return prints;
        });
    }

    /// <summary>Findings new in <paramref name="headRunId"/>, fixed since <paramref name="baseRunId"/>, and unchanged.</summary>
    public RunDiff Diff(long baseRunId, long headRunId)
    {
        RefuseFailed(GetRun(baseRunId), "compared");
        RefuseFailed(GetRun(headRunId), "compared");
        return Guard("comparing runs of", () => RunDiff.Compute(baseRunId, headRunId, ReadFindings(baseRunId), ReadFindings(headRunId)));
    }

    /// <summary>The difference between a run (the latest when null) and the run before it; all findings are new for the first run.</summary>
    public RunDiff DiffWithPrevious(long? runId = null)
    {
        var head = ResolveRun(runId);
        var previous = GetPreviousRunId(head);
        return previous is { } p
            ? Diff(p, head)
            : Guard("reading the findings of", () => RunDiff.Compute(null, head, [], ReadFindings(head)));
    }

    /// <summary>Every version of one claim, oldest first (empty when the report never saw it).</summary>
    public IReadOnlyList<ClaimVersion> GetClaimHistory(string claimId)
    {
        if (SchemaVersion < 2)
        {
            throw new ReportException($"'{Path}' has schema version {SchemaVersion}, which keeps no claim history; open it with ReportStore.Open to upgrade it.");
        }

        return Guard("reading claim history of", () => _connection.Query<ClaimVersionRow>(
                "SELECT claim_id AS ClaimId, version AS Version, status AS Status, statement AS Statement, claimant AS Claimant, digest AS Digest, first_run_id AS FirstRunId, last_run_id AS LastRunId FROM claim_history WHERE claim_id = @claimId ORDER BY version",
                new { claimId })
            .Select(r => new ClaimVersion(r.ClaimId, (int)r.Version, r.Status, r.Statement, r.Claimant, r.Digest, r.FirstRunId, r.LastRunId))
            .ToList());
    }

    /// <summary>
    /// Runs one SELECT (<paramref name="sql"/>) on a separate read-only connection (Mode=ReadOnly and PRAGMA query_only)
    /// within <paramref name="limits"/>: a statement that would change the report, a second statement, ATTACH and PRAGMAs
    /// that set something are refused before anything runs, each with a <see cref="ReportException"/>.
    /// </summary>
    public QueryResult QueryReadOnly(string sql, QueryLimits? limits = null)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ReportException("The query is empty: give an SQL SELECT statement, e.g. SELECT * FROM latest_findings.");
        }

        using var connection = ConnectForReading(Path);
        try
        {
            connection.Execute("PRAGMA query_only = 1");
            return ReadOnlyQuery.Run(connection, sql, limits ?? QueryLimits.Default, Path);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 8)
        {
            throw new ReportException($"The query was refused: queries on '{Path}' are read-only, and this one tries to change it ({e.Message.TrimEnd('.')}). Use SELECT statements only.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            throw new ReportException($"The query failed: {e.Message.Replace("SQLite Error 1: ", string.Empty, StringComparison.Ordinal).Trim('\'', '.')}.", e);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(e, Path, "querying");
        }
    }

    /// <param name="maxRows">Stop after this many rows (<see cref="QueryResult.Truncated"/> tells); null for the default limit.</param>
    public QueryResult QueryReadOnly(string sql, int? maxRows) =>
        QueryReadOnly(sql, maxRows is { } rows ? QueryLimits.Default with { MaxRows = rows } : null);

    /// <summary>
    /// A read-only connection. A report in WAL mode needs its -shm file, which SQLite creates beside it: in a folder that
    /// cannot be written, the file is opened immutable instead (nothing can write it there either).
    /// </summary>
    private static SqliteConnection ConnectForReading(string fullPath, bool rolledBack = false)
    {
        var connection = Connect(fullPath, SqliteOpenMode.ReadOnly);
        try
        {
            connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema");
            return connection;
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteReadOnlyRollback && !rolledBack && CanWriteFolder(fullPath))
        {
            // The first run of a new report was interrupted (it goes through a rollback journal): its half-written
            // pages are in the file until a connection that may write rolls them back, as any writer's next open
            // does. Rolled back here, the reader sees the report as it was before that run: empty.
            connection.Dispose();
            using (var writer = Connect(fullPath, SqliteOpenMode.ReadWrite))
            {
                writer.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema");
            }

            return ConnectForReading(fullPath, rolledBack: true);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 or 8 && !CanWriteFolder(fullPath))
        {
            connection.Dispose();

            // Read as immutable, a file with an interrupted first run's pages in it would show half a run.
            if (e.SqliteExtendedErrorCode == SqliteReadOnlyRollback)
            {
                throw new ReportException(
                    $"The first run recorded in '{fullPath}' was interrupted, and it cannot be rolled back in a folder that cannot be written. " +
                    "Open the report where it can be written (any `factcheck` command does it), or delete it and run `factcheck check` again.");
            }

            var uri = new Uri(fullPath).AbsoluteUri + "?immutable=1";
            return Connect(uri, SqliteOpenMode.ReadOnly);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Wrap(e, fullPath, "opening the report");
        }
    }

    /// <summary>SQLITE_READONLY_ROLLBACK: a read-only connection met a hot journal it may not roll back.</summary>
    private const int SqliteReadOnlyRollback = 8 | (3 << 8);

    private static bool CanWriteFolder(string fullPath)
    {
        var folder = System.IO.Path.GetDirectoryName(fullPath) ?? ".";
        var probe = System.IO.Path.Combine(folder, $".factcheck-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            _pending?.Dispose();
            EnterWal();
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private static string FullPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ReportException("No report path was given.");
        }

        return System.IO.Path.GetFullPath(path);
    }

    private static SqliteConnection Connect(string fullPath, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = mode,
            Pooling = false, // the file is released as soon as the store is disposed
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // The same page cache for readers as for the writer: reading a run's findings in fingerprint order
            // (views, diffs) touches its pages out of order, and SQLite's default 2 MB cache made that a system
            // call per row. Memory is taken only as pages are read.
            // trusted_schema off: functions with side effects may not run from views (defence in depth; see SchemaVerifier).
            connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA cache_size = {CacheKibibytes}; PRAGMA trusted_schema = OFF");
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Wrap(e, fullPath, "opening the report");
        }
    }

    /// <summary>A failed run's findings are partial: as a baseline or in a diff, every other finding would look new or fixed.</summary>
    private void RefuseFailed(RunInfo run, string use)
    {
        if (!run.Failed) return;
        var what = use == "compared" ? "cannot be compared with another" : $"cannot be {use}";
        throw new ReportException(
            $"Run {run.RunId.ToString(CultureInfo.InvariantCulture)} in '{Path}' failed (invalid input, or a rule stopped by a limit; see run_errors), so its findings are partial and it {what}. " +
            $"Use a complete run{(LatestRunId is { } latest ? $", e.g. run {latest.ToString(CultureInfo.InvariantCulture)}, the latest" : string.Empty)}.");
    }

    private long ResolveRun(long? runId) =>
        runId ?? LatestRunId ?? throw new ReportException($"'{Path}' holds no run yet. Run `factcheck check` with this report path first.");

    private ReportException MissingRun(long runId)
    {
        var runs = _connection.QuerySingle<(long? First, long? Last)>("SELECT min(run_id), max(run_id) FROM runs");
        var held = runs.First is null ? "it holds no run yet" : $"it holds runs {runs.First} to {runs.Last}";
        return new ReportException($"Run {runId.ToString(CultureInfo.InvariantCulture)} is not in '{Path}': {held}.");
    }

    private List<ReportedFinding> ReadFindings(long runId) => FindingReader.Read(_connection, runId, SchemaVersion);

    private T Guard<T>(string doing, Func<T> action)
    {
        RefuseWhileRecording();
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(e, Path, doing);
        }
    }

    // Dapper fills classes with settable properties whatever SQLite's storage type; records need exact types.
    private sealed class RunRow
    {
        public static string Select(int schemaVersion) =>
            "SELECT run_id AS RunId, started_at AS StartedAt, finished_at AS FinishedAt, tool_version AS ToolVersion, git_commit AS GitCommit, claims_digest AS ClaimsDigest, rules_digest AS RulesDigest, "
            + (schemaVersion >= 4 ? "status AS Status" : "'complete' AS Status") + " FROM runs";

        public long RunId { get; set; }

        public string StartedAt { get; set; } = string.Empty;

        public string FinishedAt { get; set; } = string.Empty;

        public string ToolVersion { get; set; } = string.Empty;

        public string? GitCommit { get; set; }

        public string ClaimsDigest { get; set; } = string.Empty;

        public string RulesDigest { get; set; } = string.Empty;

        public string Status { get; set; } = "complete";

        public RunInfo ToInfo() => new(RunId, Timestamp.Parse(StartedAt), Timestamp.Parse(FinishedAt), ToolVersion, GitCommit, ClaimsDigest, RulesDigest, Status == "failed");
    }

    private sealed class ClaimVersionRow
    {
        public string ClaimId { get; set; } = string.Empty;

        public long Version { get; set; }

        public string Status { get; set; } = string.Empty;

        public string Statement { get; set; } = string.Empty;

        public string? Claimant { get; set; }

        public string Digest { get; set; } = string.Empty;

        public long FirstRunId { get; set; }

        public long? LastRunId { get; set; }
    }
}
