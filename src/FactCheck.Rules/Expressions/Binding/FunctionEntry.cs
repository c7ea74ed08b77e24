using System.Reflection;

namespace FactCheck.Rules.Expressions.Binding;

internal sealed record FunctionEntry(
    string Name, List<MethodInfo> Methods, FunctionFactory? Factory, int MinArguments, int MaxArguments);
