namespace FactCheck.Report;

/// <summary>
/// The one error type of the report: the message says what is wrong with which file and what to do.
/// SQLite errors never leave this library raw; they are wrapped here.
/// </summary>
public sealed class ReportException : Exception
{
    public ReportException(string message)
        : base(message)
    {
    }

    public ReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
