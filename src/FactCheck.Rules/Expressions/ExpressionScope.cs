namespace FactCheck.Rules.Expressions;

/// <summary>
/// The ordered bound names visible to an expression. Bound facts are assumed non-null; members reached
/// through them may be null. Compiled lambdas take the used names as parameters in this order.
/// </summary>
public sealed class ExpressionScope
{
    private readonly List<ScopeVariable> _variables = [];

    public ExpressionScope(params IEnumerable<ScopeVariable> variables)
    {
        foreach (var v in variables) Add(v.Name, v.Type);
    }

    public IReadOnlyList<ScopeVariable> Variables => _variables;

    public ExpressionScope Add(string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        if (_variables.Any(v => v.Name == name))
            throw new ArgumentException($"'{name}' is already bound in this scope.", nameof(name));
        _variables.Add(new ScopeVariable(name, type));
        return this;
    }

    internal ScopeVariable? Find(string name) => _variables.FirstOrDefault(v => v.Name == name);
}
