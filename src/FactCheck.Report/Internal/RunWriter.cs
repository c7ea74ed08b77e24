using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>Writes one run inside one write transaction, with prepared commands rebound per row.</summary>
/// <remarks>
/// In two parts, so that a caller can write the run's inputs (sources, appearances, citations, claims: they do not
/// depend on the findings) while its rules still run: <see cref="WriteInputs"/> opens the transaction and writes them,
/// <see cref="WriteResults"/> adds rules, errors, findings and the runs row, and commits. Nothing is visible before
/// the commit, and a process that dies in between leaves the report as it was.
/// SQLite writes on one thread; the hashing a run needs (claim digests and fingerprints the caller did not supply)
/// needs no connection, so it runs on a second thread while the tables that need no hash are written, and the
/// writer waits for it only where it needs the hashes.
/// </remarks>
internal static class RunWriter
{
    public static long Write(SqliteConnection connection, RunData run, RunMemory? memory, Action<string>? stageCompleted)
    {
        RunValidator.ValidateResults(run);
        var hashing = HashFindings(run);
        var inputs = WriteInputs(connection, run, memory, stageCompleted);
        try
        {
            return WriteResults(connection, inputs, run, hashing, stageCompleted);
        }
        finally
        {
            inputs.Dispose();
        }
    }

    /// <summary>
    /// Validates the run's inputs, takes the write lock (BEGIN IMMEDIATE) and writes sources, appearances, citations
    /// and claims. The caller disposes the returned transaction (a rollback unless <see cref="WriteResults"/> committed).
    /// </summary>
    public static WrittenInputs WriteInputs(SqliteConnection connection, RunData run, RunMemory? memory, Action<string>? stageCompleted)
    {
        // Validated beside the grouping; nothing is written before both are done.
        var validation = Task.Run(() => RunValidator.ValidateInputs(run));
        var files = FileSnapshot.Group(run);
        validation.GetAwaiter().GetResult();
        stageCompleted?.Invoke("validated, grouped");

        // The claims' digests and each file's, which the writer waits for; then the run's claims digest (over every
        // claim in id order: the one sort of the whole run), which only the runs row needs, at the end.
        var digestsReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The rows in a box the hashing empties when done: the task may outlive the write (until the run is completed),
        // and must not keep a check's rows alive while its rules run.
        var box = new StrongBox<(RunData Run, List<FileSnapshot> Files)?>((run, files));
        var hashing = Task.Run(() =>
        {
            var (run, files) = box.Value!.Value;
            box.Value = null;
            try
            {
                var buffer = new ArrayBufferWriter<byte>(64 * 1024);
                foreach (var file in files)
                {
                    file.ClaimDigests = ClaimDigests(file.Claims);

                    // A file whose rows are the objects of the memory's last run has the digest it had then.
                    if (memory?.KnownDigest(file) is { } known) file.Digest = known;
                    else file.ComputeDigest(buffer);
                }

                memory?.RememberFiles(files);
                digestsReady.SetResult();
            }
            catch (Exception e)
            {
                digestsReady.SetException(e);
                throw;
            }

            return run.ClaimsDigest ?? ClaimsDigest(files);
        });

        var cache = WriteCache.Limit(connection);
        SqliteTransaction transaction;
        try
        {
            // BEGIN IMMEDIATE: the write lock is taken up front, so ids read below stay ours until commit.
            transaction = connection.BeginTransaction(deferred: false);
        }
        catch
        {
            cache.Dispose();
            throw;
        }

        try
        {
            var runId = Scalar(connection, transaction, "SELECT coalesce(max(run_id), 0) + 1 FROM runs");
            var latest = LatestSnapshots.Read(connection);
            digestsReady.Task.GetAwaiter().GetResult();
            stageCompleted?.Invoke("digests");

            // A file whose rows are what they were in the latest run links to that run's snapshot; the others are written.
            var linked = new List<long>(files.Count);
            var changed = new List<FileSnapshot>();
            foreach (var file in files)
            {
                if (latest.Find(file.File, file.Digest) is { } kept) linked.Add(kept);
                else changed.Add(file);
            }

            var nextSnapshotId = Scalar(connection, transaction, "SELECT coalesce(max(snapshot_id), 0) + 1 FROM snapshots");
            using (var insertSnapshot = new InsertCommand(connection, "snapshots", "snapshot_id", "file", "digest", "first_run_id"))
            using (var insertSource = new InsertCommand(connection, "snapshot_sources", batched: true, "snapshot_id", "source_id", "kind", "title", "outlet", "url", "line"))
            using (var insertCitation = new InsertCommand(connection, "snapshot_citations", batched: true, "snapshot_id", "seq", "claim_id", "source_id", "cited_as", "line", "col"))
            {
                foreach (var file in changed)
                {
                    var snapshotId = nextSnapshotId++;
                    linked.Add(snapshotId);
                    insertSnapshot.Long(snapshotId).Text(file.File).Bytes(file.Digest).Long(runId).Execute();
                    foreach (var s in file.Sources)
                    {
                        insertSource.Long(snapshotId).Text(s.Id).Text(s.Kind).Text(s.Title).Text(s.Outlet).Text(s.Url).Int(s.Line).Execute();
                    }

                    for (var i = 0; i < file.Citations.Count; i++)
                    {
                        var c = file.Citations[i];
                        insertCitation.Long(snapshotId).Long(i).Text(c.ClaimId).Text(c.SourceId).Text(c.CitedAs).Int(c.Line).Int(c.Column).Execute();
                    }
                }

                insertSource.Flush();
                insertCitation.Flush();
            }

            stageCompleted?.Invoke("sources");
            WriteAppearances(connection, changed, linked);
            stageCompleted?.Invoke("appearances");
            WriteClaims(connection, transaction, runId, run.Claims.Count, changed, linked);
            linked.Sort();
            using (var insertLink = new InsertCommand(connection, "run_snapshots", "run_id", "snapshot_id"))
            {
                foreach (var snapshotId in linked) insertLink.Long(runId).Long(snapshotId).Execute();
            }

            stageCompleted?.Invoke("claims");
            return new WrittenInputs(transaction, cache, runId, hashing, memory);
        }
        catch
        {
            transaction.Dispose();
            cache.Dispose();
            throw;
        }
    }

    /// <summary>Writes the rest of the run (validated by the caller) in the transaction <see cref="WriteInputs"/> opened, and commits.</summary>
    /// <summary>Starts hashing the findings (fingerprints the caller did not supply, content digests) for <see cref="WriteResults"/>: needing no connection, it runs while the inputs are still being written.</summary>
    public static Task<(string[] Fingerprints, UInt128[] Digests)> HashFindings(RunData run) => Task.Run(() => Hashes(run.Findings));

    public static long WriteResults(SqliteConnection connection, WrittenInputs inputs, RunData run, Task<(string[] Fingerprints, UInt128[] Digests)> hashing, Action<string>? stageCompleted)
    {
        var (transaction, _, runId, claimsDigesting, memory) = inputs;
        var rulesDigest = run.RulesDigest ?? ContentDigest.Compute(
            run.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).SelectMany(r => new[] { r.Id, r.Title, r.Severity }).Prepend("rules/1"));

        using (var insert = new InsertCommand(connection, "rules", "run_id", "rule_id", "title", "severity", "file", "line"))
        {
            foreach (var r in run.Rules)
            {
                insert.Long(runId).Text(r.Id).Text(r.Title).Text(r.Severity).Text(r.File).Int(r.Line).Execute();
            }
        }

        using (var insert = new InsertCommand(connection, "run_errors", "run_id", "kind", "message", "rule_id", "file", "line", "col"))
        {
            foreach (var e in run.Errors)
            {
                insert.Long(runId).Text(e.Kind).Text(e.Message).Text(e.RuleId).Text(e.File).Int(e.Line).Int(e.Column).Execute();
            }
        }

        stageCompleted?.Invoke("rules");
        var (fingerprints, digests) = hashing.GetAwaiter().GetResult();
        stageCompleted?.Invoke("fingerprints");
        var ids = WriteFindings(connection, transaction, runId, run.Findings, fingerprints, digests, memory, stageCompleted);
        stageCompleted?.Invoke("findings");

        // A run with errors (invalid input, a rule that failed or was stopped by a limit) is recorded as failed.
        var failed = run.Errors.Any(e => e.Kind is RunErrorKinds.InvalidInput or RunErrorKinds.Limit);
        var claimsDigest = claimsDigesting.GetAwaiter().GetResult();
        var recorded = new RunMemory.LatestRun(runId, Timestamp.Format(run.StartedAt), Timestamp.Format(run.FinishedAt), run.ClaimsDigest ?? claimsDigest, rulesDigest);
        using (var insert = new InsertCommand(connection, "runs", "run_id", "started_at", "finished_at", "tool_version", "git_commit", "claims_digest", "rules_digest", "status"))
        {
            insert.Long(runId).Text(recorded.StartedAt).Text(recorded.FinishedAt).Text(run.ToolVersion)
                .Text(run.GitCommit).Text(recorded.ClaimsDigest).Text(rulesDigest)
                .Text(failed ? "failed" : "complete").Execute();
        }

        stageCompleted?.Invoke("run");
        transaction.Commit();
        memory?.RememberFindings(failed ? null : new RunMemory.WrittenFindings(recorded, digests, ids));
        stageCompleted?.Invoke("committed");
        return runId;
    }

    /// <summary>The open transaction after <see cref="WriteInputs"/>, the run's id, and the digest of its claims.</summary>
    /// <remarks>Disposing it rolls back what was not committed and gives the connection its page cache back.</remarks>
    internal sealed record WrittenInputs(SqliteTransaction Transaction, WriteCache Cache, long RunId, Task<string> ClaimsDigest, RunMemory? Memory) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Transaction.Dispose();
            }
            finally
            {
                Cache.Dispose();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] ClaimDigests(List<ReportClaim> claims)
    {
        var digests = new string[claims.Count];
        for (var i = 0; i < digests.Length; i++)
        {
            digests[i] = claims[i].Digest ?? ContentDigest.ForClaim(claims[i].Statement, claims[i].Claimant);
        }

        return digests;
    }

    /// <summary>Each finding's fingerprint (the caller's, or computed) and content digest (<see cref="FindingDigest"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string[] Fingerprints, UInt128[] Digests) Hashes(IReadOnlyList<ReportFinding> findings)
    {
        var prints = new string[findings.Count];
        var digests = new UInt128[findings.Count];
        void Range(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var f = findings[i];
                prints[i] = f.Fingerprint ?? Fingerprint.ForFinding(f.RuleId, f.ClaimIds, f.SourceIds);
                digests[i] = FindingDigest.Compute(f, prints[i]);
            }
        }

        // The writer waits for these: on every core when there are many (65,000 findings: ~0.1 s on one).
        if (prints.Length < 4_096) Range(0, prints.Length);
        else Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, prints.Length, 4_096), r => Range(r.Item1, r.Item2));
        return (prints, digests);
    }

    /// <summary>The digest of the run's claims: ContentDigest.Compute("claims/1", id, digest, status, id, …) in id order, built without a field list.</summary>
    /// <remarks>
    /// Streamed through one 64 KB buffer: gathering every claim's fields first took a ~10 MB buffer and copies of the
    /// claims, beside the rules' peak. Only claims out of id order across files (not the check's) are copied to be sorted.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ClaimsDigest(List<FileSnapshot> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        HashFields.Add(buffer, "claims/1");
        void Add(ReportClaim claim, string digest)
        {
            HashFields.Add(buffer, claim.Id);
            HashFields.Add(buffer, digest);
            HashFields.Add(buffer, claim.Status);
            if (buffer.WrittenCount < 60 * 1024) return;
            hash.AppendData(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }

        if (InIdOrder(files))
        {
            foreach (var file in files)
            {
                for (var i = 0; i < file.Claims.Count; i++) Add(file.Claims[i], file.ClaimDigests[i]);
            }
        }
        else
        {
            var count = files.Sum(f => f.Claims.Count);
            var claims = new ReportClaim[count];
            var digests = new string[count];
            var next = 0;
            foreach (var file in files)
            {
                file.Claims.CopyTo(claims, next);
                file.ClaimDigests.CopyTo(digests, next);
                next += file.Claims.Count;
            }

            var ids = Array.ConvertAll(claims, c => c.Id);
            var order = new int[ids.Length];
            for (var j = 0; j < order.Length; j++) order[j] = j;
            Array.Sort(ids, order, StringComparer.Ordinal);
            foreach (var j in order) Add(claims[j], digests[j]);
        }

        hash.AppendData(buffer.WrittenSpan);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether the files' claims, one file after the other, are in id order (each file's are sorted already).</summary>
    private static bool InIdOrder(List<FileSnapshot> files)
    {
        string? last = null;
        foreach (var file in files)
        {
            if (file.Claims.Count == 0) continue;
            if (last is not null && string.CompareOrdinal(last, file.Claims[0].Id) > 0) return false;
            last = file.Claims[^1].Id;
        }

        return true;
    }

    /// <summary>The appearances of the new snapshots (the ids at the end of <paramref name="snapshotIds"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAppearances(SqliteConnection connection, List<FileSnapshot> changed, List<long> snapshotIds)
    {
        // seq tells apart the appearances of one claim in one source of a file (the key is snapshot, source, claim, seq).
        using var insert = new InsertCommand(connection, "snapshot_appearances", batched: true, "snapshot_id", "source_id", "claim_id", "seq", "attribution", "quote", "line", "col");
        var first = snapshotIds.Count - changed.Count;
        for (var f = 0; f < changed.Count; f++)
        {
            var snapshotId = snapshotIds[first + f];
            var appearances = changed[f].Appearances;
            var seq = 0L;
            for (var i = 0; i < appearances.Count; i++)
            {
                var a = appearances[i];
                seq = i > 0 && a.SourceId == appearances[i - 1].SourceId && a.ClaimId == appearances[i - 1].ClaimId ? seq + 1 : 0;
                insert.Long(snapshotId).Text(a.SourceId).Text(a.ClaimId).Long(seq).Text(a.Attribution).Text(a.Quote).Int(a.Line).Int(a.Column).Execute();
            }
        }

        insert.Flush();
    }

    /// <summary>The claims of the new snapshots, each with its version: the latest one when digest and status match it, else a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteClaims(
        SqliteConnection connection, SqliteTransaction transaction, long runId, int runClaims, List<FileSnapshot> changed, List<long> snapshotIds)
    {
        var nextVersionId = Scalar(connection, transaction, "SELECT coalesce(max(version_id), 0) + 1 FROM claim_versions");
        var count = changed.Sum(f => f.Claims.Count);

        // The latest run's versions in one read when many of the run's claims are written; a few are looked up one by one.
        using var latest = new LatestVersions(connection, historyIsEmpty: nextVersionId == 1, readLatestRun: count > 1_000 && count * 4 > runClaims);
        using var insertVersion = new InsertCommand(connection, "claim_versions", batched: true, "version_id", "claim_id", "version", "digest", "status", "statement", "claimant", "first_run_id");
        using var insertClaim = new InsertCommand(connection, "snapshot_claims", batched: true, "snapshot_id", "claim_id", "version_id", "line", "col");
        var first = snapshotIds.Count - changed.Count;
        for (var f = 0; f < changed.Count; f++)
        {
            var snapshotId = snapshotIds[first + f];
            var file = changed[f];
            for (var i = 0; i < file.Claims.Count; i++)
            {
                var claim = file.Claims[i];
                var digest = file.ClaimDigests[i];
                long versionId;
                var known = latest.Find(claim.Id);
                if (known is not null && known.Matches(digest, claim.Status))
                {
                    versionId = known.VersionId;
                }
                else
                {
                    versionId = nextVersionId++;
                    insertVersion.Long(versionId).Text(claim.Id).Long((known?.Number ?? 0) + 1).Key(digest).Text(claim.Status).Text(claim.Statement).Text(claim.Claimant).Long(runId).Execute();
                }

                insertClaim.Long(snapshotId).Text(claim.Id).Long(versionId).Int(claim.Line).Int(claim.Column).Execute();
            }
        }

        insertVersion.Flush();
        insertClaim.Flush();
    }

    /// <summary>
    /// The run's findings: one whose content the latest run has too is linked to that row; the others are written with
    /// their claims and sources. The links go in (fingerprint) key order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <returns>The finding id of each finding.</returns>
    private static long[] WriteFindings(
        SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<ReportFinding> findings, string[] fingerprints, UInt128[] digests,
        RunMemory? memory, Action<string>? stageCompleted)
    {
        // The findings of the latest run as the memory has them when it wrote that run, else as the report has them.
        var shared = findings.Count == 0 ? SharedFindings.None
            : memory?.Findings(LatestCompleteRun(connection, transaction)) is { } known ? SharedFindings.From(known.Digests, known.Ids)
            : SharedFindings.Read(connection);
        var nextFindingId = Scalar(connection, transaction, "SELECT coalesce(max(finding_id), 0) + 1 FROM finding_contents");
        var ids = new long[findings.Count];

        // Fingerprints as the 16 bytes they are stored as (HexKey), when they all are (Fingerprint's, as check's are):
        // decoded once for both tables, and sorted as numbers, which is their order as text.
        var keys = PackedFingerprints(fingerprints);
        Span<byte> key = stackalloc byte[16];
        using (var insertFinding = new InsertCommand(connection, "finding_contents", batched: true, "finding_id", "rule_id", "severity", "message", "file", "line", "col", "fingerprint", "digest"))
        using (var insertClaim = new InsertCommand(connection, "finding_claims", batched: true, "finding_id", "claim_id"))
        using (var insertSource = new InsertCommand(connection, "finding_sources", batched: true, "finding_id", "source_id"))
        {
            Span<byte> digest = stackalloc byte[16];
            for (var i = 0; i < findings.Count; i++)
            {
                if (shared.Take(digests[i], out var sharedId))
                {
                    ids[i] = sharedId;
                    continue;
                }

                var f = findings[i];
                var findingId = ids[i] = nextFindingId++;
                FindingDigest.Write(digests[i], digest);
                insertFinding.Long(findingId).Text(f.RuleId).Text(f.Severity).Text(f.Message).Text(f.File).Int(f.Line).Int(f.Column);
                if (keys is null) insertFinding.Key(fingerprints[i]);
                else insertFinding.Bytes(FingerprintBytes(keys[i], key));
                insertFinding.Bytes(digest).Execute();
                foreach (var claimId in Distinct(f.ClaimIds))
                {
                    insertClaim.Long(findingId).Text(claimId).Execute();
                }

                foreach (var sourceId in Distinct(f.SourceIds))
                {
                    insertSource.Long(findingId).Text(sourceId).Execute();
                }
            }

            insertFinding.Flush();
            insertClaim.Flush();
            insertSource.Flush();
        }

        stageCompleted?.Invoke("findings-half");
        var order = new int[findings.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        using var insertLink = new InsertCommand(connection, "run_findings", batched: true, "run_id", "fingerprint", "seq", "finding_id");
        if (keys is not null)
        {
            Array.Sort((UInt128[])keys.Clone(), order);
            foreach (var i in order) insertLink.Long(runId).Bytes(FingerprintBytes(keys[i], key)).Long(i).Long(ids[i]).Execute();
        }
        else
        {
            Array.Sort((string[])fingerprints.Clone(), order, StringComparer.Ordinal);
            foreach (var i in order) insertLink.Long(runId).Key(fingerprints[i]).Long(i).Long(ids[i]).Execute();
        }

        insertLink.Flush();
        return ids;
    }

    /// <summary>Every fingerprint as the number its 16 stored bytes spell (big-endian), or null when one is not 32 lower-case hex digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static UInt128[]? PackedFingerprints(string[] fingerprints)
    {
        var keys = new UInt128[fingerprints.Length];
        Span<byte> bytes = stackalloc byte[32];
        for (var i = 0; i < keys.Length; i++)
        {
            if (!HexKey.TryPack(fingerprints[i], bytes, out var length) || length != 16) return null;
            keys[i] = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        }

        return keys;
    }

    private static ReadOnlySpan<byte> FingerprintBytes(UInt128 key, Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return bytes;
    }

    /// <summary>The report's latest run when it is complete (so also the latest complete run); null otherwise.</summary>
    private static RunMemory.LatestRun? LatestCompleteRun(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT run_id, started_at, finished_at, claims_digest, rules_digest, status FROM runs ORDER BY run_id DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetString(5) == "complete"
            ? new RunMemory.LatestRun(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    /// <summary>The ids without repeats; a finding's one or two ids need no set (nor a LINQ pipeline).</summary>
    private static IReadOnlyList<string> Distinct(IReadOnlyList<string> ids)
    {
        if (ids.Count > 16)
        {
            return ids.Distinct(StringComparer.Ordinal).ToList();
        }

        for (var i = 1; i < ids.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(ids[i], ids[j], StringComparison.Ordinal))
                {
                    return ids.Distinct(StringComparer.Ordinal).ToList();
                }
            }
        }

        return ids;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
