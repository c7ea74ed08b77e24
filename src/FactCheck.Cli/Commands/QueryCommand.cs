using System.CommandLine;
using FactCheck.Report;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck query "SQL"</c>: read-only SQL over the report, as a table, CSV or JSON.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "A SELECT over the report's tables and views (see the README)." };
        var db = ReportOptions.Database();
        var format = new Option<string>("--format") { Description = "Output format: table (aligned for a terminal), csv (formula-like cells neutralised) or json. Blobs print as hex.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var defaults = QueryLimits.Default;
        var timeout = new Option<double>("--timeout") { Description = $"Seconds the query may run before it is stopped (default {defaults.Timeout.TotalSeconds}).", DefaultValueFactory = _ => defaults.Timeout.TotalSeconds };
        var maxRows = new Option<int>("--max-rows") { Description = $"Rows shown at most (default {defaults.MaxRows:N0}).", DefaultValueFactory = _ => defaults.MaxRows };
        var maxBytes = new Option<long>("--max-bytes") { Description = $"Bytes of text and blobs shown at most (default {defaults.MaxBytes / (1024 * 1024)} MiB).", DefaultValueFactory = _ => defaults.MaxBytes };
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 86_400)) r.AddError("--timeout must be between 0 and 86400 seconds"); });
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-rows must be at least 1"); });
        maxBytes.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) r.AddError("--max-bytes must be at least 1"); });
        var command = new Command("query", "Query the report read-only; a statement that writes is refused.") { sql, db, format, timeout, maxRows, maxBytes };
        command.SetAction(parse =>
        {
            var path = ReportOptions.Existing(parse.GetValue(db)!, parse.InvocationConfiguration.Error);
            if (path is null) return ExitCodes.InvalidInput;
            using var store = ReportStore.OpenReadOnly(path);
            QueryResult result;
            var limits = new QueryLimits(TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(maxRows), parse.GetValue(maxBytes));
            try
            {
                result = store.QueryReadOnly(parse.GetValue(sql)!, limits);
            }
            catch (ReportException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"factcheck query: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            Output.QueryFormatter.Write(result, parse.GetValue(format)!, parse.InvocationConfiguration.Output);
            if (result.Truncated)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"factcheck query: only the first {result.Rows.Count:N0} rows are shown: the result passed --max-rows ({limits.MaxRows:N0}) or --max-bytes ({limits.MaxBytes:N0}); raise them, or narrow the query");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
