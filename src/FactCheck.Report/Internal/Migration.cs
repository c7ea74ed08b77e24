namespace FactCheck.Report.Internal;

/// <summary>One forward step of the schema: the SQL that takes a report from <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
