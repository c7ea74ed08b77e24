namespace FactCheck.Report;

/// <summary>
/// The result of a read-only query: column names and rows. Cell values are what SQLite holds:
/// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="T:byte[]"/> or null. Formatting it
/// for people and scripts is the command line's (<c>factcheck query --format</c>).
/// </summary>
/// <param name="Truncated">True when the row limit cut the result short.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Truncated);
