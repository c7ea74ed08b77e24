namespace FactCheck.Rules.Expressions;

/// <summary>What a <see cref="FunctionFactory"/> sees: the arguments and a way to report positioned errors.</summary>
public sealed class FunctionCallContext
{
    private readonly Action<int, string> _report;

    internal FunctionCallContext(string name, IReadOnlyList<FunctionArgument> arguments, Action<int, string> report)
    {
        Name = name;
        Arguments = arguments;
        _report = report;
    }

    public string Name { get; }
    public IReadOnlyList<FunctionArgument> Arguments { get; }
    public bool HasErrors { get; private set; }

    /// <summary>Reports an error at argument <paramref name="argumentIndex"/> (or at the call for -1).</summary>
    public void Error(int argumentIndex, string message)
    {
        HasErrors = true;
        _report(argumentIndex, message);
    }
}
