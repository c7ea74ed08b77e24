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
        var command = new Command("query", "Query the report read-only; a statement that writes is refused.") { sql, db, format };
        command.SetAction(parse =>
        {
            var path = ReportOptions.Existing(parse.GetValue(db)!, parse.InvocationConfiguration.Error);
            if (path is null) return ExitCodes.InvalidInput;
            using var store = ReportStore.OpenReadOnly(path);
            QueryResult result;
            try
            {
                result = store.QueryReadOnly(parse.GetValue(sql)!);
            }
            catch (ReportException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"factcheck query: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            Output.QueryFormatter.Write(result, parse.GetValue(format)!, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
