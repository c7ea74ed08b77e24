using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>Writes one run inside one write transaction, with prepared commands rebound per row.</summary>
internal static class RunWriter
{
    public static long Write(SqliteConnection connection, RunData run, Action<string>? stageCompleted)
    {
        var claims = SortedBy(run.Claims, c => c.Id);

        // Hashing is the CPU-heavy part outside SQLite; it needs no connection, so it runs on every core.
        var claimDigests = new string[claims.Length];
        Parallel.For(0, claims.Length, i => claimDigests[i] = claims[i].Digest ?? ContentDigest.ForClaim(claims[i].Statement, claims[i].Claimant));
        var fingerprints = new string[run.Findings.Count];
        Parallel.For(0, fingerprints.Length, i =>
        {
            var f = run.Findings[i];
            fingerprints[i] = f.Fingerprint ?? Fingerprint.ForFinding(f.RuleId, f.ClaimIds, f.SourceIds);
        });


        // Rows go in key order where an index would otherwise take them at random places.
        var appearances = SortedBy(run.Appearances, a => a.SourceId + "\0" + a.ClaimId);
        var claimsDigest = run.ClaimsDigest ?? ContentDigest.Compute(
            claims.SelectMany((c, i) => new string?[] { c.Id, claimDigests[i], c.Status }).Prepend("claims/1"));
        var rulesDigest = run.RulesDigest ?? ContentDigest.Compute(
            run.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).SelectMany(r => new[] { r.Id, r.Title, r.Severity }).Prepend("rules/1"));

        stageCompleted?.Invoke("digests");

        // BEGIN IMMEDIATE: the write lock is taken up front, so ids read below stay ours until commit.
        using var transaction = connection.BeginTransaction(deferred: false);
        var runId = Scalar(connection, transaction, "SELECT coalesce(max(run_id), 0) + 1 FROM runs");

        using (var insert = new InsertCommand(connection, "runs", "run_id", "started_at", "finished_at", "tool_version", "git_commit", "claims_digest", "rules_digest"))
        {
            insert.Run(runId, Timestamp.Format(run.StartedAt), Timestamp.Format(run.FinishedAt), run.ToolVersion, run.GitCommit, claimsDigest, rulesDigest);
        }

        using (var insert = new InsertCommand(connection, "sources", "run_id", "source_id", "kind", "title", "outlet", "url", "file", "line"))
        {
            foreach (var s in run.Sources)
            {
                insert.Run(runId, s.Id, s.Kind, s.Title, s.Outlet, s.Url, s.File, s.Line);
            }
        }

        stageCompleted?.Invoke("sources");
        WriteClaims(connection, transaction, runId, claims, claimDigests);
        stageCompleted?.Invoke("claims");

        using (var insert = new InsertCommand(connection, "appearances", "run_id", "claim_id", "source_id", "attribution", "quote", "file", "line", "col"))
        {
            foreach (var a in appearances)
            {
                insert.Run(runId, a.ClaimId, a.SourceId, a.Attribution, a.Quote, a.File, a.Line, a.Column);
            }
        }

        using (var insert = new InsertCommand(connection, "citations", "run_id", "claim_id", "source_id", "cited_as", "file", "line", "col"))
        {
            foreach (var c in run.Citations)
            {
                insert.Run(runId, c.ClaimId, c.SourceId, c.CitedAs, c.File, c.Line, c.Column);
            }
        }

        using (var insert = new InsertCommand(connection, "rules", "run_id", "rule_id", "title", "severity", "file", "line"))
        {
            foreach (var r in run.Rules)
            {
                insert.Run(runId, r.Id, r.Title, r.Severity, r.File, r.Line);
            }
        }

        stageCompleted?.Invoke("rules");
        WriteFindings(connection, transaction, runId, run.Findings, fingerprints, stageCompleted);
        stageCompleted?.Invoke("findings");

        using (var insert = new InsertCommand(connection, "run_errors", "run_id", "kind", "message", "rule_id", "file", "line", "col"))
        {
            foreach (var e in run.Errors)
            {
                insert.Run(runId, e.Kind, e.Message, e.RuleId, e.File, e.Line, e.Column);
            }
        }

        stageCompleted?.Invoke("errors");
        transaction.Commit();
        stageCompleted?.Invoke("committed");
        return runId;
    }

    private static void WriteClaims(SqliteConnection connection, SqliteTransaction transaction, long runId, ReportClaim[] claims, string[] digests)
    {
        // The latest version of every claim ever seen; a claim whose digest and status match it reuses it.
        var latest = new Dictionary<string, (long VersionId, long Version, string Digest, string Status)>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT claim_id, max(version_id), version, digest, status FROM claim_versions GROUP BY claim_id";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                latest[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4));
            }
        }

        var nextVersionId = Scalar(connection, transaction, "SELECT coalesce(max(version_id), 0) + 1 FROM claim_versions");
        using var insertVersion = new InsertCommand(connection, "claim_versions", "version_id", "claim_id", "version", "digest", "status", "statement", "claimant", "first_run_id");
        using var insertRunClaim = new InsertCommand(connection, "run_claims", "run_id", "claim_id", "version_id", "file", "line", "col");
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            long versionId;
            if (latest.TryGetValue(claim.Id, out var known) && known.Digest == digests[i] && known.Status == claim.Status)
            {
                versionId = known.VersionId;
            }
            else
            {
                versionId = nextVersionId++;
                insertVersion.Run(versionId, claim.Id, known.Version + 1, digests[i], claim.Status, claim.Statement, claim.Claimant, runId);
            }

            insertRunClaim.Run(runId, claim.Id, versionId, claim.File, claim.Line, claim.Column);
        }
    }

    private static void WriteFindings(SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<ReportFinding> findings, string[] fingerprints, Action<string>? stageCompleted)
    {
        var nextFindingId = Scalar(connection, transaction, "SELECT coalesce(max(finding_id), 0) + 1 FROM findings");
        using var insertFinding = new InsertCommand(connection, "findings", "finding_id", "run_id", "rule_id", "severity", "message", "file", "line", "col", "fingerprint");
        using var insertClaim = new InsertCommand(connection, "finding_claims", "finding_id", "claim_id");
        using var insertSource = new InsertCommand(connection, "finding_sources", "finding_id", "source_id");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var findingId = nextFindingId++;
            insertFinding.Run(findingId, runId, f.RuleId, f.Severity, f.Message, f.File, f.Line, f.Column, fingerprints[i]);
            foreach (var claimId in f.ClaimIds.Distinct(StringComparer.Ordinal))
            {
                insertClaim.Run(findingId, claimId);
            }

            foreach (var sourceId in f.SourceIds.Distinct(StringComparer.Ordinal))
            {
                insertSource.Run(findingId, sourceId);
            }

            if (i == findings.Count / 2)
            {
                stageCompleted?.Invoke("findings-half");
            }
        }
    }

    /// <summary>The items in ordinal key order; input that is already in order (the common case) is only copied.</summary>
    private static T[] SortedBy<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var array = items.ToArray();
        var keys = new string[array.Length];
        var sorted = true;
        for (var i = 0; i < array.Length; i++)
        {
            keys[i] = key(array[i]);
            sorted &= i == 0 || string.CompareOrdinal(keys[i - 1], keys[i]) <= 0;
        }

        if (!sorted)
        {
            Array.Sort(keys, array, StringComparer.Ordinal);
        }

        return array;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
