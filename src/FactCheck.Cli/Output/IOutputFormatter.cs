namespace FactCheck.Cli.Output;

/// <summary>Writes a check outcome in one format.</summary>
public interface IOutputFormatter
{
    void Write(CheckOutcome outcome, TextWriter writer);
}
