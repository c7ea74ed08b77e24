namespace FactCheck.Report.Internal;

/// <summary>
/// The schema history, forward only. A new report runs every step in order, so the path an old report
/// takes is the same one every new report takes. Never edit a released step: add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>PRAGMA application_id of a FactCheck report: "FCKR" in ASCII.</summary>
    public const int ApplicationId = 0x46434B52;

    public static readonly Migration V1 = new(1, "core tables", """
        PRAGMA application_id = 1178815314;

        CREATE TABLE report_info (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO report_info (key, value) VALUES ('format', 'factcheck-report');

        CREATE TABLE runs (
            run_id        INTEGER PRIMARY KEY,
            started_at    TEXT NOT NULL,
            finished_at   TEXT NOT NULL,
            tool_version  TEXT NOT NULL,
            git_commit    TEXT,
            claims_digest TEXT NOT NULL,
            rules_digest  TEXT NOT NULL
        );

        CREATE TABLE sources (
            run_id    INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            kind      TEXT NOT NULL,
            title     TEXT,
            outlet    TEXT,
            url       TEXT,
            file      TEXT,
            line      INTEGER,
            PRIMARY KEY (run_id, source_id)
        ) WITHOUT ROWID;

        CREATE TABLE claims (
            run_id    INTEGER NOT NULL,
            claim_id  TEXT NOT NULL,
            file      TEXT,
            line      INTEGER,
            col       INTEGER,
            statement TEXT NOT NULL,
            claimant  TEXT,
            status    TEXT NOT NULL,
            digest    TEXT NOT NULL,
            PRIMARY KEY (run_id, claim_id)
        ) WITHOUT ROWID;

        CREATE TABLE appearances (
            run_id      INTEGER NOT NULL,
            claim_id    TEXT NOT NULL,
            source_id   TEXT NOT NULL,
            attribution TEXT NOT NULL,
            quote       TEXT,
            file        TEXT,
            line        INTEGER,
            col         INTEGER
        );

        CREATE TABLE citations (
            run_id    INTEGER NOT NULL,
            claim_id  TEXT NOT NULL,
            source_id TEXT,
            cited_as  TEXT NOT NULL,
            file      TEXT,
            line      INTEGER,
            col       INTEGER
        );

        CREATE TABLE rules (
            run_id   INTEGER NOT NULL,
            rule_id  TEXT NOT NULL,
            title    TEXT,
            severity TEXT NOT NULL,
            file     TEXT,
            line     INTEGER,
            PRIMARY KEY (run_id, rule_id)
        ) WITHOUT ROWID;

        CREATE TABLE findings (
            finding_id  INTEGER PRIMARY KEY,
            run_id      INTEGER NOT NULL,
            rule_id     TEXT NOT NULL,
            severity    TEXT NOT NULL,
            message     TEXT NOT NULL,
            file        TEXT,
            line        INTEGER,
            col         INTEGER,
            fingerprint TEXT NOT NULL
        );
        CREATE INDEX findings_by_run ON findings (run_id);

        CREATE TABLE finding_claims (
            finding_id INTEGER NOT NULL,
            claim_id   TEXT NOT NULL,
            PRIMARY KEY (finding_id, claim_id)
        ) WITHOUT ROWID;

        CREATE TABLE finding_sources (
            finding_id INTEGER NOT NULL,
            source_id  TEXT NOT NULL,
            PRIMARY KEY (finding_id, source_id)
        ) WITHOUT ROWID;
        """);

    public static readonly Migration V2 = new(2, "claim history, run errors, indexes, views", """
        -- Claim history: content is stored once per version; runs point at the version they saw.
        CREATE TABLE claim_versions (
            version_id   INTEGER PRIMARY KEY,
            claim_id     TEXT NOT NULL,
            version      INTEGER NOT NULL,
            digest       TEXT NOT NULL,
            status       TEXT NOT NULL,
            statement    TEXT NOT NULL,
            claimant     TEXT,
            first_run_id INTEGER NOT NULL,
            UNIQUE (claim_id, version)
        );

        -- A new version starts wherever digest or status differs from the claim's previous row.
        INSERT INTO claim_versions (claim_id, version, digest, status, statement, claimant, first_run_id)
        SELECT claim_id, row_number() OVER (PARTITION BY claim_id ORDER BY run_id), digest, status, statement, claimant, run_id
        FROM (
            SELECT run_id, claim_id, digest, status, statement, claimant,
                   lag(digest) OVER w AS previous_digest, lag(status) OVER w AS previous_status
            FROM claims
            WINDOW w AS (PARTITION BY claim_id ORDER BY run_id))
        WHERE previous_digest IS NULL OR previous_digest <> digest OR previous_status <> status
        ORDER BY claim_id, run_id;

        CREATE TABLE run_claims (
            run_id     INTEGER NOT NULL,
            claim_id   TEXT NOT NULL,
            version_id INTEGER NOT NULL,
            file       TEXT,
            line       INTEGER,
            col        INTEGER,
            PRIMARY KEY (run_id, claim_id)
        ) WITHOUT ROWID;

        INSERT INTO run_claims (run_id, claim_id, version_id, file, line, col)
        SELECT c.run_id, c.claim_id,
               (SELECT v.version_id FROM claim_versions v
                WHERE v.claim_id = c.claim_id AND v.first_run_id <= c.run_id
                ORDER BY v.version DESC LIMIT 1),
               c.file, c.line, c.col
        FROM claims c;

        DROP TABLE claims;

        -- The claims of every run with their content, as v1 stored them.
        CREATE VIEW claims AS
        SELECT rc.run_id, rc.claim_id, rc.file, rc.line, rc.col, v.statement, v.claimant, v.status, v.digest,
               v.version, rc.version_id
        FROM run_claims rc JOIN claim_versions v ON v.version_id = rc.version_id;

        CREATE TABLE run_errors (
            run_id  INTEGER NOT NULL,
            kind    TEXT NOT NULL,
            message TEXT NOT NULL,
            rule_id TEXT,
            file    TEXT,
            line    INTEGER,
            col     INTEGER
        );
        CREATE INDEX run_errors_by_run ON run_errors (run_id);

        -- findings_by_run (run_id, then rowid) reads a run in finding order; this one matches fingerprints.
        CREATE INDEX findings_by_run_fingerprint ON findings (run_id, fingerprint);
        CREATE INDEX appearances_by_run_source ON appearances (run_id, source_id);
        CREATE INDEX citations_by_run ON citations (run_id);

        CREATE VIEW latest_run AS
        SELECT * FROM runs ORDER BY run_id DESC LIMIT 1;

        CREATE VIEW run_pairs AS
        SELECT r.run_id, (SELECT max(p.run_id) FROM runs p WHERE p.run_id < r.run_id) AS previous_run_id
        FROM runs r;

        CREATE VIEW latest_findings AS
        SELECT f.finding_id, f.rule_id, f.severity, f.message, f.file, f.line, f.col, f.fingerprint,
               r.title AS rule_title
        FROM findings f
        LEFT JOIN rules r ON r.run_id = f.run_id AND r.rule_id = f.rule_id
        WHERE f.run_id = (SELECT max(run_id) FROM runs);

        -- change: 'new' (not in the previous run), 'unchanged' (in both), 'fixed' (only in the previous run).
        CREATE VIEW finding_changes AS
        SELECT p.run_id, p.previous_run_id,
               CASE WHEN EXISTS (SELECT 1 FROM findings o
                                 WHERE o.run_id = p.previous_run_id AND o.fingerprint = f.fingerprint)
                    THEN 'unchanged' ELSE 'new' END AS change,
               f.finding_id, f.rule_id, f.severity, f.message, f.file, f.line, f.col, f.fingerprint
        FROM run_pairs p JOIN findings f ON f.run_id = p.run_id
        UNION ALL
        SELECT p.run_id, p.previous_run_id, 'fixed' AS change,
               o.finding_id, o.rule_id, o.severity, o.message, o.file, o.line, o.col, o.fingerprint
        FROM run_pairs p JOIN findings o ON o.run_id = p.previous_run_id
        WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.run_id = p.run_id AND f.fingerprint = o.fingerprint);

        CREATE VIEW latest_finding_changes AS
        SELECT * FROM finding_changes WHERE run_id = (SELECT max(run_id) FROM runs);

        CREATE VIEW latest_claims AS
        SELECT * FROM claims WHERE run_id = (SELECT max(run_id) FROM runs);

        CREATE VIEW claims_by_status AS
        SELECT status, count(*) AS claims FROM latest_claims GROUP BY status;

        -- Every version of every claim, with the runs that saw it.
        CREATE VIEW claim_history AS
        SELECT v.claim_id, v.version, v.status, v.statement, v.claimant, v.digest, v.first_run_id,
               (SELECT max(rc.run_id) FROM run_claims rc WHERE rc.version_id = v.version_id) AS last_run_id
        FROM claim_versions v;

        -- Per source of the latest run: its claims, how they are attributed, and how many are flagged by
        -- attribution.unattributed* or quotes.drift* findings that concern the claim (and this source, or no source).
        CREATE VIEW source_attribution AS
        WITH latest AS (SELECT max(run_id) AS run_id FROM runs),
        flagged AS (
            SELECT DISTINCT fc.claim_id, fs.source_id,
                   CASE WHEN f.rule_id LIKE 'attribution.unattributed%' THEN 'unattributed' ELSE 'drift' END AS flag
            FROM findings f
            JOIN finding_claims fc ON fc.finding_id = f.finding_id
            LEFT JOIN finding_sources fs ON fs.finding_id = f.finding_id
            WHERE f.run_id = (SELECT run_id FROM latest)
              AND (f.rule_id LIKE 'attribution.unattributed%' OR f.rule_id LIKE 'quotes.drift%'))
        SELECT s.source_id, s.kind, s.title, s.outlet,
               count(DISTINCT a.claim_id) AS claims,
               count(DISTINCT CASE WHEN a.attribution = 'direct-quote' THEN a.claim_id END) AS direct_quote,
               count(DISTINCT CASE WHEN a.attribution = 'paraphrase' THEN a.claim_id END) AS paraphrase,
               count(DISTINCT CASE WHEN a.attribution = 'reported' THEN a.claim_id END) AS reported,
               count(DISTINCT CASE WHEN a.attribution = 'unattributed' THEN a.claim_id END) AS unattributed,
               (SELECT count(DISTINCT g.claim_id) FROM flagged g JOIN appearances b
                    ON b.run_id = s.run_id AND b.source_id = s.source_id AND b.claim_id = g.claim_id
                WHERE g.flag = 'unattributed' AND (g.source_id IS NULL OR g.source_id = s.source_id)) AS flagged_unattributed,
               (SELECT count(DISTINCT g.claim_id) FROM flagged g JOIN appearances b
                    ON b.run_id = s.run_id AND b.source_id = s.source_id AND b.claim_id = g.claim_id
                WHERE g.flag = 'drift' AND (g.source_id IS NULL OR g.source_id = s.source_id)) AS drifting
        FROM sources s
        LEFT JOIN appearances a ON a.run_id = s.run_id AND a.source_id = s.source_id
        WHERE s.run_id = (SELECT run_id FROM latest)
        GROUP BY s.source_id;
        """);

    public static readonly Migration V3 = new(3, "compact fingerprints and digests, appearances keyed by source, one findings index", """
        -- Every view is rebuilt at the end (some show fingerprints and digests as text now).
        DROP VIEW IF EXISTS source_attribution;
        DROP VIEW IF EXISTS claim_history;
        DROP VIEW IF EXISTS claims_by_status;
        DROP VIEW IF EXISTS latest_claims;
        DROP VIEW IF EXISTS latest_finding_changes;
        DROP VIEW IF EXISTS finding_changes;
        DROP VIEW IF EXISTS latest_findings;
        DROP VIEW IF EXISTS run_pairs;
        DROP VIEW IF EXISTS latest_run;
        DROP VIEW IF EXISTS claims;

        -- A fingerprint or digest of 32 or 64 lower-case hex digits (as FactCheck makes them) is stored as the
        -- 16 or 32 bytes it spells; any other value stays text. Readers turn the bytes back into the same hex.
        DROP INDEX findings_by_run;
        DROP INDEX findings_by_run_fingerprint;
        UPDATE findings SET fingerprint = unhex(fingerprint)
        WHERE typeof(fingerprint) = 'text' AND length(fingerprint) IN (32, 64) AND fingerprint NOT GLOB '*[^0-9a-f]*';
        UPDATE claim_versions SET digest = unhex(digest)
        WHERE typeof(digest) = 'text' AND length(digest) IN (32, 64) AND digest NOT GLOB '*[^0-9a-f]*';

        -- One index on findings: (run_id, fingerprint) matches fingerprints, and bounds a run's finding ids,
        -- which are consecutive, so a run is read in finding order straight from the table.
        CREATE INDEX findings_by_run_fingerprint ON findings (run_id, fingerprint);

        -- Appearances are kept in (run, source, claim) order in the table itself instead of a rowid table plus an
        -- index; seq numbers the appearances of one claim in one source (0 for the first). The key columns come
        -- first: SQLite before 3.41 reports false NULLs in PRAGMA integrity_check for a WITHOUT ROWID table
        -- whose key columns follow other columns.
        CREATE TABLE appearances_v3 (
            run_id      INTEGER NOT NULL,
            claim_id    TEXT NOT NULL,
            source_id   TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            attribution TEXT NOT NULL,
            quote       TEXT,
            file        TEXT,
            line        INTEGER,
            col         INTEGER,
            PRIMARY KEY (run_id, source_id, claim_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO appearances_v3 (run_id, claim_id, source_id, seq, attribution, quote, file, line, col)
        SELECT run_id, claim_id, source_id,
               row_number() OVER (PARTITION BY run_id, source_id, claim_id ORDER BY rowid) - 1,
               attribution, quote, file, line, col
        FROM appearances;
        DROP TABLE appearances;
        ALTER TABLE appearances_v3 RENAME TO appearances;

        -- The claims of every run with their content.
        CREATE VIEW claims AS
        SELECT rc.run_id, rc.claim_id, rc.file, rc.line, rc.col, v.statement, v.claimant, v.status,
               CASE WHEN typeof(v.digest) = 'blob' THEN lower(hex(v.digest)) ELSE v.digest END AS digest,
               v.version, rc.version_id
        FROM run_claims rc JOIN claim_versions v ON v.version_id = rc.version_id;

        CREATE VIEW latest_run AS
        SELECT * FROM runs ORDER BY run_id DESC LIMIT 1;

        CREATE VIEW run_pairs AS
        SELECT r.run_id, (SELECT max(p.run_id) FROM runs p WHERE p.run_id < r.run_id) AS previous_run_id
        FROM runs r;

        CREATE VIEW latest_findings AS
        SELECT f.finding_id, f.rule_id, f.severity, f.message, f.file, f.line, f.col,
               CASE WHEN typeof(f.fingerprint) = 'blob' THEN lower(hex(f.fingerprint)) ELSE f.fingerprint END AS fingerprint,
               r.title AS rule_title
        FROM findings f
        LEFT JOIN rules r ON r.run_id = f.run_id AND r.rule_id = f.rule_id
        WHERE f.run_id = (SELECT max(run_id) FROM runs);

        -- change: 'new' (not in the previous run), 'unchanged' (in both), 'fixed' (only in the previous run).
        -- Fingerprints are matched as stored; the fingerprint column shows them as text.
        CREATE VIEW finding_changes AS
        SELECT p.run_id, p.previous_run_id,
               CASE WHEN EXISTS (SELECT 1 FROM findings o
                                 WHERE o.run_id = p.previous_run_id AND o.fingerprint = f.fingerprint)
                    THEN 'unchanged' ELSE 'new' END AS change,
               f.finding_id, f.rule_id, f.severity, f.message, f.file, f.line, f.col,
               CASE WHEN typeof(f.fingerprint) = 'blob' THEN lower(hex(f.fingerprint)) ELSE f.fingerprint END AS fingerprint
        FROM run_pairs p JOIN findings f ON f.run_id = p.run_id
        UNION ALL
        SELECT p.run_id, p.previous_run_id, 'fixed' AS change,
               o.finding_id, o.rule_id, o.severity, o.message, o.file, o.line, o.col,
               CASE WHEN typeof(o.fingerprint) = 'blob' THEN lower(hex(o.fingerprint)) ELSE o.fingerprint END AS fingerprint
        FROM run_pairs p JOIN findings o ON o.run_id = p.previous_run_id
        WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.run_id = p.run_id AND f.fingerprint = o.fingerprint);

        CREATE VIEW latest_finding_changes AS
        SELECT * FROM finding_changes WHERE run_id = (SELECT max(run_id) FROM runs);

        CREATE VIEW latest_claims AS
        SELECT * FROM claims WHERE run_id = (SELECT max(run_id) FROM runs);

        CREATE VIEW claims_by_status AS
        SELECT status, count(*) AS claims FROM latest_claims GROUP BY status;

        -- Every version of every claim, with the runs that saw it.
        CREATE VIEW claim_history AS
        SELECT v.claim_id, v.version, v.status, v.statement, v.claimant,
               CASE WHEN typeof(v.digest) = 'blob' THEN lower(hex(v.digest)) ELSE v.digest END AS digest,
               v.first_run_id,
               (SELECT max(rc.run_id) FROM run_claims rc WHERE rc.version_id = v.version_id) AS last_run_id
        FROM claim_versions v;

        -- Per source of the latest run: its claims, how they are attributed, and how many are flagged by
        -- attribution.unattributed* or quotes.drift* findings that concern the claim (and this source, or no source).
        CREATE VIEW source_attribution AS
        WITH latest AS (SELECT max(run_id) AS run_id FROM runs),
        flagged AS (
            SELECT DISTINCT fc.claim_id, fs.source_id,
                   CASE WHEN f.rule_id LIKE 'attribution.unattributed%' THEN 'unattributed' ELSE 'drift' END AS flag
            FROM findings f
            JOIN finding_claims fc ON fc.finding_id = f.finding_id
            LEFT JOIN finding_sources fs ON fs.finding_id = f.finding_id
            WHERE f.run_id = (SELECT run_id FROM latest)
              AND (f.rule_id LIKE 'attribution.unattributed%' OR f.rule_id LIKE 'quotes.drift%'))
        SELECT s.source_id, s.kind, s.title, s.outlet,
               count(DISTINCT a.claim_id) AS claims,
               count(DISTINCT CASE WHEN a.attribution = 'direct-quote' THEN a.claim_id END) AS direct_quote,
               count(DISTINCT CASE WHEN a.attribution = 'paraphrase' THEN a.claim_id END) AS paraphrase,
               count(DISTINCT CASE WHEN a.attribution = 'reported' THEN a.claim_id END) AS reported,
               count(DISTINCT CASE WHEN a.attribution = 'unattributed' THEN a.claim_id END) AS unattributed,
               (SELECT count(DISTINCT g.claim_id) FROM flagged g JOIN appearances b
                    ON b.run_id = s.run_id AND b.source_id = s.source_id AND b.claim_id = g.claim_id
                WHERE g.flag = 'unattributed' AND (g.source_id IS NULL OR g.source_id = s.source_id)) AS flagged_unattributed,
               (SELECT count(DISTINCT g.claim_id) FROM flagged g JOIN appearances b
                    ON b.run_id = s.run_id AND b.source_id = s.source_id AND b.claim_id = g.claim_id
                WHERE g.flag = 'drift' AND (g.source_id IS NULL OR g.source_id = s.source_id)) AS drifting
        FROM sources s
        LEFT JOIN appearances a ON a.run_id = s.run_id AND a.source_id = s.source_id
        WHERE s.run_id = (SELECT run_id FROM latest)
        GROUP BY s.source_id;
        """);

    /// <summary>
    /// A run with invalid input (no rule ran) or a rule a limit stopped is recorded as failed: its
    /// findings are not the claims' findings, so the views, diffs and baselines see complete runs only. The views are
    /// V3's with <c>runs</c> narrowed to complete runs (derived from V3's text, which never changes).
    /// </summary>
    public static readonly Migration V4 = new(4, "failed runs kept out of the views", """
        DROP VIEW source_attribution;
        DROP VIEW claim_history;
        DROP VIEW claims_by_status;
        DROP VIEW latest_claims;
        DROP VIEW latest_finding_changes;
        DROP VIEW finding_changes;
        DROP VIEW latest_findings;
        DROP VIEW run_pairs;
        DROP VIEW latest_run;

        -- 'complete', or 'failed': no rule ran (invalid input) or a limit stopped a rule (see run_errors, kinds
        -- 'invalid-input' and 'limit'), so the run's findings are partial. Earlier runs: those with invalid input and
        -- no finding (no rule ran), and those whose rules hit the firing limit.
        ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'failed'));
        UPDATE runs SET status = 'failed'
        WHERE run_id IN (SELECT e.run_id FROM run_errors e
                         WHERE (e.kind = 'invalid-input' AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.run_id = e.run_id))
                            OR (e.kind = 'rule-error' AND e.message LIKE 'the rules did not stop:%'));

        """ + CompleteRunsOnly(V3.Sql[V3.Sql.IndexOf("CREATE VIEW latest_run AS", StringComparison.Ordinal)..]));

    /// <summary>
    /// A run keeps what changed since the run before: a finding whose content (rule, severity, message, position,
    /// fingerprint, claims and sources) is the same as in the latest run is shared, the run keeping one link row
    /// (<c>run_findings</c>) instead of a copy of it and its claims and sources. <c>findings</c> becomes a view with the
    /// table's columns. Findings recorded before keep their ids; they are not shared (they have no content digest).
    /// </summary>
    public static readonly Migration V5 = new(5, "findings shared across runs", """
        -- A finding's content, once: runs whose finding is the same link to it. digest: a hash of everything below
        -- plus the finding's claims and sources (null for findings recorded before version 5, which are not shared).
        CREATE TABLE finding_contents (
            finding_id  INTEGER PRIMARY KEY,
            rule_id     TEXT NOT NULL,
            severity    TEXT NOT NULL,
            message     TEXT NOT NULL,
            file        TEXT,
            line        INTEGER,
            col         INTEGER,
            fingerprint TEXT NOT NULL,
            digest      BLOB
        );
        INSERT INTO finding_contents (finding_id, rule_id, severity, message, file, line, col, fingerprint)
        SELECT finding_id, rule_id, severity, message, file, line, col, fingerprint FROM findings;

        -- The findings of each run: seq is the order they were recorded in; the key matches fingerprints per run
        -- (finding_changes, diffs, baselines) as the (run_id, fingerprint) index of findings did.
        CREATE TABLE run_findings (
            run_id      INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            finding_id  INTEGER NOT NULL,
            PRIMARY KEY (run_id, fingerprint, seq)
        ) WITHOUT ROWID;
        INSERT INTO run_findings (run_id, fingerprint, seq, finding_id)
        SELECT run_id, fingerprint, row_number() OVER (PARTITION BY run_id ORDER BY finding_id) - 1, finding_id FROM findings;

        DROP INDEX findings_by_run_fingerprint;
        DROP TABLE findings;

        -- The findings of every run, as the table of version 4 had them: finding_id names the content, so a finding
        -- that stayed the same keeps its id from run to run; (run_id, finding_id) is unique.
        CREATE VIEW findings AS
        SELECT c.finding_id, r.run_id, c.rule_id, c.severity, c.message, c.file, c.line, c.col, r.fingerprint
        FROM run_findings r JOIN finding_contents c ON c.finding_id = r.finding_id;

        -- A run's inputs (sources, claims as seen, appearances, citations) per file snapshot: the rows of one file,
        -- written once and linked to by every run whose rows for that file are the same. digest: SHA-256 of the rows
        -- (null for the snapshots of runs recorded before version 5, which are not linked to again).
        CREATE TABLE snapshots (
            snapshot_id  INTEGER PRIMARY KEY,
            file         TEXT,
            digest       BLOB,
            first_run_id INTEGER NOT NULL
        );

        CREATE TABLE run_snapshots (
            run_id      INTEGER NOT NULL,
            snapshot_id INTEGER NOT NULL,
            PRIMARY KEY (run_id, snapshot_id)
        ) WITHOUT ROWID;

        CREATE TABLE snapshot_sources (
            snapshot_id INTEGER NOT NULL,
            source_id   TEXT NOT NULL,
            kind        TEXT NOT NULL,
            title       TEXT,
            outlet      TEXT,
            url         TEXT,
            line        INTEGER,
            PRIMARY KEY (snapshot_id, source_id)
        ) WITHOUT ROWID;

        CREATE TABLE snapshot_claims (
            snapshot_id INTEGER NOT NULL,
            claim_id    TEXT NOT NULL,
            version_id  INTEGER NOT NULL,
            line        INTEGER,
            col         INTEGER,
            PRIMARY KEY (snapshot_id, claim_id)
        ) WITHOUT ROWID;

        CREATE TABLE snapshot_appearances (
            snapshot_id INTEGER NOT NULL,
            source_id   TEXT NOT NULL,
            claim_id    TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            attribution TEXT NOT NULL,
            quote       TEXT,
            line        INTEGER,
            col         INTEGER,
            PRIMARY KEY (snapshot_id, source_id, claim_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE snapshot_citations (
            snapshot_id INTEGER NOT NULL,
            seq         INTEGER NOT NULL,
            claim_id    TEXT NOT NULL,
            source_id   TEXT,
            cited_as    TEXT NOT NULL,
            line        INTEGER,
            col         INTEGER,
            PRIMARY KEY (snapshot_id, seq)
        ) WITHOUT ROWID;

        -- Earlier runs: one snapshot per run and file, holding that run's rows as they were.
        INSERT INTO snapshots (file, first_run_id)
        SELECT file, run_id FROM (
            SELECT run_id, file FROM sources UNION SELECT run_id, file FROM run_claims
            UNION SELECT run_id, file FROM appearances UNION SELECT run_id, file FROM citations)
        ORDER BY run_id, file;
        INSERT INTO run_snapshots (run_id, snapshot_id) SELECT first_run_id, snapshot_id FROM snapshots;
        CREATE INDEX snapshots_by_run_file ON snapshots (first_run_id, file);
        INSERT INTO snapshot_sources (snapshot_id, source_id, kind, title, outlet, url, line)
        SELECT (SELECT s.snapshot_id FROM snapshots s WHERE s.first_run_id = x.run_id AND s.file IS x.file), source_id, kind, title, outlet, url, line
        FROM sources x;
        INSERT INTO snapshot_claims (snapshot_id, claim_id, version_id, line, col)
        SELECT (SELECT s.snapshot_id FROM snapshots s WHERE s.first_run_id = x.run_id AND s.file IS x.file), claim_id, version_id, line, col
        FROM run_claims x;
        INSERT INTO snapshot_appearances (snapshot_id, source_id, claim_id, seq, attribution, quote, line, col)
        SELECT (SELECT s.snapshot_id FROM snapshots s WHERE s.first_run_id = x.run_id AND s.file IS x.file), source_id, claim_id, seq, attribution, quote, line, col
        FROM appearances x;
        INSERT INTO snapshot_citations (snapshot_id, seq, claim_id, source_id, cited_as, line, col)
        SELECT snapshot_id, row_number() OVER (PARTITION BY snapshot_id ORDER BY id) - 1, claim_id, source_id, cited_as, line, col
        FROM (SELECT (SELECT s.snapshot_id FROM snapshots s WHERE s.first_run_id = x.run_id AND s.file IS x.file) AS snapshot_id, x.rowid AS id, x.*
              FROM citations x);
        DROP INDEX snapshots_by_run_file;
        DROP TABLE sources;
        DROP TABLE run_claims;
        DROP TABLE appearances;
        DROP INDEX citations_by_run;
        DROP TABLE citations;

        -- The tables of version 4, same columns, each run's rows from its snapshots.
        CREATE VIEW sources AS
        SELECT r.run_id, x.source_id, x.kind, x.title, x.outlet, x.url, s.file, x.line
        FROM run_snapshots r JOIN snapshots s ON s.snapshot_id = r.snapshot_id JOIN snapshot_sources x ON x.snapshot_id = r.snapshot_id;

        CREATE VIEW run_claims AS
        SELECT r.run_id, x.claim_id, x.version_id, s.file, x.line, x.col
        FROM run_snapshots r JOIN snapshots s ON s.snapshot_id = r.snapshot_id JOIN snapshot_claims x ON x.snapshot_id = r.snapshot_id;

        CREATE VIEW appearances AS
        SELECT r.run_id, x.claim_id, x.source_id, x.seq, x.attribution, x.quote, s.file, x.line, x.col
        FROM run_snapshots r JOIN snapshots s ON s.snapshot_id = r.snapshot_id JOIN snapshot_appearances x ON x.snapshot_id = r.snapshot_id;

        CREATE VIEW citations AS
        SELECT r.run_id, x.claim_id, x.source_id, x.cited_as, s.file, x.line, x.col
        FROM run_snapshots r JOIN snapshots s ON s.snapshot_id = r.snapshot_id JOIN snapshot_citations x ON x.snapshot_id = r.snapshot_id;

        -- Version 4's view, the same rows in the same order: over the latest run's appearances and flagged claims,
        -- each read once and counted per source (the per-source lookups of version 4 became scans over the views).
        DROP VIEW source_attribution;
        CREATE VIEW source_attribution AS
        WITH latest AS (SELECT max(run_id) AS run_id FROM runs WHERE status = 'complete'),
        app AS MATERIALIZED (
            SELECT x.source_id, x.claim_id, x.attribution
            FROM run_snapshots r JOIN snapshot_appearances x ON x.snapshot_id = r.snapshot_id
            WHERE r.run_id = (SELECT run_id FROM latest)),
        flagged AS MATERIALIZED (
            SELECT DISTINCT fc.claim_id, fs.source_id,
                   CASE WHEN c.rule_id LIKE 'attribution.unattributed%' THEN 'unattributed' ELSE 'drift' END AS flag
            FROM run_findings f
            JOIN finding_contents c ON c.finding_id = f.finding_id
            JOIN finding_claims fc ON fc.finding_id = f.finding_id
            LEFT JOIN finding_sources fs ON fs.finding_id = f.finding_id
            WHERE f.run_id = (SELECT run_id FROM latest)
              AND (c.rule_id LIKE 'attribution.unattributed%' OR c.rule_id LIKE 'quotes.drift%')),
        counts AS MATERIALIZED (
            SELECT source_id, count(DISTINCT claim_id) AS claims,
                   count(DISTINCT CASE WHEN attribution = 'direct-quote' THEN claim_id END) AS direct_quote,
                   count(DISTINCT CASE WHEN attribution = 'paraphrase' THEN claim_id END) AS paraphrase,
                   count(DISTINCT CASE WHEN attribution = 'reported' THEN claim_id END) AS reported,
                   count(DISTINCT CASE WHEN attribution = 'unattributed' THEN claim_id END) AS unattributed
            FROM app GROUP BY source_id),
        marks AS MATERIALIZED (
            SELECT a.source_id, count(DISTINCT CASE WHEN g.flag = 'unattributed' THEN a.claim_id END) AS unattributed,
                   count(DISTINCT CASE WHEN g.flag = 'drift' THEN a.claim_id END) AS drifting
            FROM app a JOIN flagged g ON g.claim_id = a.claim_id AND (g.source_id IS NULL OR g.source_id = a.source_id)
            GROUP BY a.source_id)
        SELECT s.source_id, s.kind, s.title, s.outlet,
               coalesce(n.claims, 0) AS claims, coalesce(n.direct_quote, 0) AS direct_quote, coalesce(n.paraphrase, 0) AS paraphrase,
               coalesce(n.reported, 0) AS reported, coalesce(n.unattributed, 0) AS unattributed,
               coalesce(m.unattributed, 0) AS flagged_unattributed, coalesce(m.drifting, 0) AS drifting
        FROM run_snapshots r
        JOIN snapshot_sources s ON s.snapshot_id = r.snapshot_id
        LEFT JOIN counts n ON n.source_id = s.source_id
        LEFT JOIN marks m ON m.source_id = s.source_id
        WHERE r.run_id = (SELECT run_id FROM latest)
        ORDER BY s.source_id;
        """);

    public static IReadOnlyList<Migration> All { get; } = [V1, V2, V3, V4, V5];

    /// <summary>V3's views over complete runs: each of their reads of <c>runs</c> gets the condition.</summary>
    private static string CompleteRunsOnly(string views)
    {
        (string From, string To)[] edits =
        [
            ("SELECT * FROM runs ORDER BY run_id DESC LIMIT 1", "SELECT * FROM runs WHERE status = 'complete' ORDER BY run_id DESC LIMIT 1"),
            ("FROM runs p WHERE p.run_id < r.run_id)", "FROM runs p WHERE p.run_id < r.run_id AND p.status = 'complete')"),
            ("FROM runs r;", "FROM runs r WHERE r.status = 'complete';"),
            ("(SELECT max(run_id) FROM runs)", "(SELECT max(run_id) FROM runs WHERE status = 'complete')"),
            ("(SELECT max(run_id) AS run_id FROM runs)", "(SELECT max(run_id) AS run_id FROM runs WHERE status = 'complete')"),
        ];
        foreach (var (from, to) in edits)
        {
            var edited = views.Replace(from, to, StringComparison.Ordinal);
            if (edited == views) throw new InvalidOperationException($"V3's views no longer hold '{from}'");
            views = edited;
        }

        return views;
    }

    public static int CurrentVersion => All[^1].Version;
}
