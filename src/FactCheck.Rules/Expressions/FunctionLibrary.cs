using System.Reflection;
using FactCheck.Rules.Expressions.Binding;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// The functions expressions may call. Each function is either public static methods on an allowlisted class
/// (overloads resolved by argument types, null arguments to value-type parameters make the result null),
/// or a <see cref="FunctionFactory"/> that builds the expression itself. Nothing else is callable.
/// Register everything before compiling; the library is not meant to change while compilers use it.
/// </summary>
public sealed class FunctionLibrary
{
    private readonly HashSet<Type> _allowedClasses = [];
    private readonly Dictionary<string, FunctionEntry> _functions = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Keywords = ["true", "false", "null", "and", "or", "not", "in", "new"];

    /// <summary>An empty library.</summary>
    public FunctionLibrary() { }

    /// <summary>The standard library (see <see cref="ExpressionFunctions"/>) plus regex, coalesce and date.</summary>
    public static FunctionLibrary CreateStandard() => StandardFunctions.Register(new FunctionLibrary());

    public IReadOnlyCollection<string> Names => _functions.Keys;

    /// <summary>Allows static methods of <paramref name="type"/> to be registered.</summary>
    public FunctionLibrary AllowClass(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _allowedClasses.Add(type);
        return this;
    }

    /// <summary>Registers a public static method of an allowlisted class; several methods under one name are overloads.</summary>
    public FunctionLibrary Register(string name, MethodInfo method)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(method);
        if (!method.IsStatic || !method.IsPublic)
            throw new ArgumentException($"'{method.Name}' must be a public static method.", nameof(method));
        if (method.DeclaringType is null || !_allowedClasses.Contains(method.DeclaringType))
            throw new ArgumentException($"'{method.DeclaringType?.Name}' is not an allowlisted function class; call AllowClass first.", nameof(method));
        if (method.ContainsGenericParameters)
            throw new ArgumentException($"'{method.Name}' is generic; use a FunctionFactory instead.", nameof(method));
        if (method.ReturnType == typeof(void))
            throw new ArgumentException($"'{method.Name}' returns nothing.", nameof(method));
        if (method.GetParameters().Any(p => p.ParameterType.IsByRef || p.IsOut))
            throw new ArgumentException($"'{method.Name}' has ref/out parameters.", nameof(method));
        if (_functions.TryGetValue(name, out var existing))
        {
            if (existing.Factory is not null)
                throw new ArgumentException($"'{name}' is already registered as a factory function.", nameof(name));
            existing.Methods.Add(method);
        }
        else
        {
            _functions[name] = new FunctionEntry(name, [method], null, 0, 0);
        }
        return this;
    }

    /// <summary>Registers a function built by <paramref name="factory"/>, taking between min and max arguments.</summary>
    public FunctionLibrary Register(string name, int minArguments, int maxArguments, FunctionFactory factory)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfNegative(minArguments);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArguments, minArguments);
        if (_functions.ContainsKey(name))
            throw new ArgumentException($"'{name}' is already registered.", nameof(name));
        _functions[name] = new FunctionEntry(name, [], factory, minArguments, maxArguments);
        return this;
    }

    internal FunctionEntry? Find(string name) => _functions.GetValueOrDefault(name);

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Keywords.Contains(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_') ||
            !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"'{name}' is not a valid function name.", nameof(name));
    }
}
