using System.Buffers;
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
    public static long Write(SqliteConnection connection, RunData run, Action<string>? stageCompleted)
    {
        RunValidator.ValidateResults(run);
        var inputs = WriteInputs(connection, run, stageCompleted);
        try
        {
            return WriteResults(connection, inputs, run, stageCompleted);
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
    public static WrittenInputs WriteInputs(SqliteConnection connection, RunData run, Action<string>? stageCompleted)
    {
        RunValidator.ValidateInputs(run);

        // Rows go in key order where a B-tree would otherwise take them at random places.
        var claims = SortedById(run.Claims);
        var appearances = SortedBySourceAndClaim(run.Appearances);

        var digestsReady = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hashing = Task.Run(() =>
        {
            string[] digests;
            try
            {
                digests = ClaimDigests(claims);
                digestsReady.SetResult(digests);
            }
            catch (Exception e)
            {
                digestsReady.SetException(e);
                throw;
            }

            return run.ClaimsDigest ?? ClaimsDigest(claims, digests);
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
            using (var insert = new InsertCommand(connection, "sources", "run_id", "source_id", "kind", "title", "outlet", "url", "file", "line"))
            {
                foreach (var s in run.Sources)
                {
                    insert.Long(runId).Text(s.Id).Text(s.Kind).Text(s.Title).Text(s.Outlet).Text(s.Url).Text(s.File).Int(s.Line).Execute();
                }
            }

            stageCompleted?.Invoke("sources");
            WriteAppearances(connection, runId, appearances);
            using (var insert = new InsertCommand(connection, "citations", "run_id", "claim_id", "source_id", "cited_as", "file", "line", "col"))
            {
                foreach (var c in run.Citations)
                {
                    insert.Long(runId).Text(c.ClaimId).Text(c.SourceId).Text(c.CitedAs).Text(c.File).Int(c.Line).Int(c.Column).Execute();
                }
            }

            stageCompleted?.Invoke("appearances");
            var claimDigests = digestsReady.Task.GetAwaiter().GetResult();
            stageCompleted?.Invoke("digests");
            WriteClaims(connection, transaction, runId, claims, claimDigests);
            stageCompleted?.Invoke("claims");
            return new WrittenInputs(transaction, cache, runId, hashing.GetAwaiter().GetResult());
        }
        catch
        {
            transaction.Dispose();
            cache.Dispose();
            throw;
        }
    }

    /// <summary>Writes the rest of the run (validated by the caller) in the transaction <see cref="WriteInputs"/> opened, and commits.</summary>
    public static long WriteResults(SqliteConnection connection, WrittenInputs inputs, RunData run, Action<string>? stageCompleted)
    {
        var (transaction, _, runId, claimsDigest) = inputs;
        // Fingerprints the caller did not supply and the findings' content digests, beside the rules and errors.
        var hashing = Task.Run(() => Hashes(run.Findings));
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
        WriteFindings(connection, transaction, runId, run.Findings, fingerprints, digests, stageCompleted);
        stageCompleted?.Invoke("findings");

        // A run with errors (invalid input, a rule that failed or was stopped by a limit) is recorded as failed.
        using (var insert = new InsertCommand(connection, "runs", "run_id", "started_at", "finished_at", "tool_version", "git_commit", "claims_digest", "rules_digest", "status"))
        {
            insert.Long(runId).Text(Timestamp.Format(run.StartedAt)).Text(Timestamp.Format(run.FinishedAt)).Text(run.ToolVersion)
                .Text(run.GitCommit).Text(run.ClaimsDigest ?? claimsDigest).Text(rulesDigest)
                .Text(run.Errors.Any(e => e.Kind is RunErrorKinds.InvalidInput or RunErrorKinds.Limit) ? "failed" : "complete").Execute();
        }

        stageCompleted?.Invoke("run");
        transaction.Commit();
        stageCompleted?.Invoke("committed");
        return runId;
    }

    /// <summary>The open transaction after <see cref="WriteInputs"/>, the run's id, and the digest of its claims.</summary>
    /// <remarks>Disposing it rolls back what was not committed and gives the connection its page cache back.</remarks>
    internal sealed record WrittenInputs(SqliteTransaction Transaction, WriteCache Cache, long RunId, string ClaimsDigest) : IDisposable
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
    private static string[] ClaimDigests(ReportClaim[] claims)
    {
        var digests = new string[claims.Length];
        for (var i = 0; i < claims.Length; i++)
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
        for (var i = 0; i < prints.Length; i++)
        {
            var f = findings[i];
            prints[i] = f.Fingerprint ?? Fingerprint.ForFinding(f.RuleId, f.ClaimIds, f.SourceIds);
            digests[i] = FindingDigest.Compute(f, prints[i]);
        }

        return (prints, digests);
    }

    /// <summary>The digest of the run's claims: ContentDigest.Compute("claims/1", id, digest, status, id, …), built without a field list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ClaimsDigest(ReportClaim[] claims, string[] digests)
    {
        var buffer = new ArrayBufferWriter<byte>((claims.Length * 96) + 64);
        HashFields.Add(buffer, "claims/1");
        for (var i = 0; i < claims.Length; i++)
        {
            HashFields.Add(buffer, claims[i].Id);
            HashFields.Add(buffer, digests[i]);
            HashFields.Add(buffer, claims[i].Status);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAppearances(SqliteConnection connection, long runId, ReportAppearance[] appearances)
    {
        // seq tells apart the appearances of one claim in one source (the key is run, source, claim, seq).
        using var insert = new InsertCommand(connection, "appearances", "run_id", "source_id", "claim_id", "seq", "attribution", "quote", "file", "line", "col");
        var seq = 0L;
        for (var i = 0; i < appearances.Length; i++)
        {
            var a = appearances[i];
            seq = i > 0 && a.SourceId == appearances[i - 1].SourceId && a.ClaimId == appearances[i - 1].ClaimId ? seq + 1 : 0;
            insert.Long(runId).Text(a.SourceId).Text(a.ClaimId).Long(seq).Text(a.Attribution).Text(a.Quote).Text(a.File).Int(a.Line).Int(a.Column).Execute();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteClaims(SqliteConnection connection, SqliteTransaction transaction, long runId, ReportClaim[] claims, string[] digests)
    {
        // A claim whose digest and status match its latest version reuses that version.
        var nextVersionId = Scalar(connection, transaction, "SELECT coalesce(max(version_id), 0) + 1 FROM claim_versions");
        using var latest = new LatestVersions(connection, historyIsEmpty: nextVersionId == 1);
        using var insertVersion = new InsertCommand(connection, "claim_versions", "version_id", "claim_id", "version", "digest", "status", "statement", "claimant", "first_run_id");
        using var insertRunClaim = new InsertCommand(connection, "run_claims", "run_id", "claim_id", "version_id", "file", "line", "col");
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            long versionId;
            var known = latest.Find(claim.Id);
            if (known is not null && known.Matches(digests[i], claim.Status))
            {
                versionId = known.VersionId;
            }
            else
            {
                versionId = nextVersionId++;
                insertVersion.Long(versionId).Text(claim.Id).Long((known?.Number ?? 0) + 1).Key(digests[i]).Text(claim.Status).Text(claim.Statement).Text(claim.Claimant).Long(runId).Execute();
            }

            insertRunClaim.Long(runId).Text(claim.Id).Long(versionId).Text(claim.File).Int(claim.Line).Int(claim.Column).Execute();
        }
    }

    /// <summary>
    /// The run's findings: one whose content the latest run has too is linked to that row; the others are written with
    /// their claims and sources. The links go in (fingerprint) key order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteFindings(
        SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<ReportFinding> findings, string[] fingerprints, UInt128[] digests, Action<string>? stageCompleted)
    {
        var shared = findings.Count == 0 ? SharedFindings.None : SharedFindings.Read(connection);
        var nextFindingId = Scalar(connection, transaction, "SELECT coalesce(max(finding_id), 0) + 1 FROM finding_contents");
        var ids = new long[findings.Count];
        using (var insertFinding = new InsertCommand(connection, "finding_contents", "finding_id", "rule_id", "severity", "message", "file", "line", "col", "fingerprint", "digest"))
        using (var insertClaim = new InsertCommand(connection, "finding_claims", "finding_id", "claim_id"))
        using (var insertSource = new InsertCommand(connection, "finding_sources", "finding_id", "source_id"))
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
                insertFinding.Long(findingId).Text(f.RuleId).Text(f.Severity).Text(f.Message).Text(f.File).Int(f.Line).Int(f.Column).Key(fingerprints[i]).Bytes(digest).Execute();
                foreach (var claimId in Distinct(f.ClaimIds))
                {
                    insertClaim.Long(findingId).Text(claimId).Execute();
                }

                foreach (var sourceId in Distinct(f.SourceIds))
                {
                    insertSource.Long(findingId).Text(sourceId).Execute();
                }
            }
        }

        stageCompleted?.Invoke("findings-half");
        var order = new int[findings.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort((string[])fingerprints.Clone(), order, StringComparer.Ordinal);
        using var insertLink = new InsertCommand(connection, "run_findings", "run_id", "fingerprint", "seq", "finding_id");
        foreach (var i in order)
        {
            insertLink.Long(runId).Key(fingerprints[i]).Long(i).Long(ids[i]).Execute();
        }
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

    /// <summary>The claims in id order (ids are unique); input already in order is only copied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReportClaim[] SortedById(IReadOnlyList<ReportClaim> items)
    {
        var array = items.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(array[i - 1].Id, array[i].Id) > 0)
            {
                Array.Sort(Array.ConvertAll(array, c => c.Id), array, StringComparer.Ordinal);
                break;
            }
        }

        return array;
    }

    /// <summary>
    /// The appearances in (source, claim) order, keeping the input order among equal keys. Grouped by source
    /// first: a newsroom has far fewer sources than appearances, and within a source the claims usually come
    /// in order already, so this is close to linear where a comparison sort of the whole list is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReportAppearance[] SortedBySourceAndClaim(IReadOnlyList<ReportAppearance> items)
    {
        var array = items.ToArray();
        if (IsInOrder(array, 0, array.Length))
        {
            return array;
        }

        var bySource = new Dictionary<string, List<ReportAppearance>>(StringComparer.Ordinal);
        foreach (var a in array)
        {
            if (!bySource.TryGetValue(a.SourceId, out var list))
            {
                bySource[a.SourceId] = list = [];
            }

            list.Add(a);
        }

        var sources = bySource.Keys.ToArray();
        Array.Sort(sources, StringComparer.Ordinal);
        var next = 0;
        foreach (var source in sources)
        {
            var start = next;
            foreach (var a in bySource[source])
            {
                array[next++] = a;
            }

            if (!IsInOrder(array, start, next))
            {
                // A stable sort by claim id: the index breaks ties.
                var keys = new (string ClaimId, int Index)[next - start];
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = (array[start + i].ClaimId, i);
                }

                var slice = array[start..next];
                Array.Sort(keys, static (x, y) =>
                {
                    var order = string.CompareOrdinal(x.ClaimId, y.ClaimId);
                    return order != 0 ? order : x.Index.CompareTo(y.Index);
                });
                for (var i = 0; i < keys.Length; i++)
                {
                    array[start + i] = slice[keys[i].Index];
                }
            }
        }

        return array;
    }

    private static bool IsInOrder(ReportAppearance[] array, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            var bySource = string.CompareOrdinal(array[i - 1].SourceId, array[i].SourceId);
            if (bySource > 0 || (bySource == 0 && string.CompareOrdinal(array[i - 1].ClaimId, array[i].ClaimId) > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
