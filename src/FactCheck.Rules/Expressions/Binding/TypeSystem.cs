using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace FactCheck.Rules.Expressions.Binding;

/// <summary>
/// Maps .NET types to language kinds and decides which properties are visible. Only public instance,
/// non-indexed properties of allowlisted types whose own type the language understands are visible.
/// </summary>
internal sealed class TypeSystem(IReadOnlySet<Type> factTypes)
{
    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> _properties = new();

    public static Type Underlying(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    public static bool IsNullable(Type t) => !t.IsValueType || Nullable.GetUnderlyingType(t) is not null;

    public static Type MakeNullable(Type t) =>
        t.IsValueType && Nullable.GetUnderlyingType(t) is null ? typeof(Nullable<>).MakeGenericType(t) : t;

    public static bool IsIntegerType(Type t) =>
        t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) ||
        t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint);

    public static bool IsRealType(Type t) => t == typeof(double) || t == typeof(float) || t == typeof(decimal);

    public bool IsFactType(Type t) => factTypes.Contains(t);

    /// <summary>A fact type as rules name it: <c>ClaimFact</c> is <c>Claim</c> in a rule's <c>when</c>, and so in its errors.</summary>
    public static string FactName(Type t) => t.Name.EndsWith("Fact", StringComparison.Ordinal) && t.Name.Length > 4 ? t.Name[..^4] : t.Name;

    public ValueKind KindOf(Type type)
    {
        if (type == typeof(NullLiteral)) return ValueKind.Null;
        var t = Underlying(type);
        if (t == typeof(string)) return ValueKind.Text;
        if (t == typeof(bool)) return ValueKind.Boolean;
        if (IsIntegerType(t)) return ValueKind.Integer;
        if (IsRealType(t)) return ValueKind.Real;
        if (t == typeof(DateOnly)) return ValueKind.Date;
        if (t == typeof(DateTime)) return ValueKind.DateTime;
        if (t.IsEnum) return ValueKind.Enum;
        if (factTypes.Contains(t)) return ValueKind.Fact;
        if (ElementType(t) is { } e && KindOf(e) is not (ValueKind.Unsupported or ValueKind.List)) return ValueKind.List;
        if (t == typeof(object)) return ValueKind.Any;
        return ValueKind.Unsupported;
    }

    public static bool IsNumeric(ValueKind k) => k is ValueKind.Integer or ValueKind.Real;

    /// <summary>Element type of a generic collection (not string), or null.</summary>
    public static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)) return t.GetGenericArguments()[0];
        if (!typeof(IEnumerable).IsAssignableFrom(t)) return null;
        var enumerables = t.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .ToList();
        return enumerables.Count == 1 ? enumerables[0].GetGenericArguments()[0] : null;
    }

    /// <summary>Visible properties of an allowlisted type, by name.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> PropertiesOf(Type t) => _properties.GetOrAdd(t, type =>
    {
        var result = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        if (!factTypes.Contains(type)) return result;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length != 0 || p.GetMethod is not { IsPublic: true }) continue;
            var kind = KindOf(p.PropertyType);
            // object-typed properties could smuggle out anything (Type, Assembly, delegates): hidden.
            if (kind is ValueKind.Unsupported or ValueKind.Any) continue;
            result.TryAdd(p.Name, p);
        }
        return result;
    });

    public string Describe(Type type)
    {
        var t = Underlying(type);
        return KindOf(type) switch
        {
            ValueKind.Null => "null",
            ValueKind.Text => "text",
            ValueKind.Boolean => "true/false",
            ValueKind.Integer or ValueKind.Real => "a number",
            ValueKind.Date => "a date",
            ValueKind.DateTime => "a date and time",
            ValueKind.Enum => $"{t.Name} (one of {string.Join(", ", Enum.GetNames(t))})",
            ValueKind.Fact => $"a {FactName(t)}",
            ValueKind.List => $"a list of {DescribePlural(ElementType(t)!)}",
            _ => t.Name,
        };
    }

    private string DescribePlural(Type element) => KindOf(element) switch
    {
        ValueKind.Text => "text",
        ValueKind.Integer or ValueKind.Real => "numbers",
        ValueKind.Boolean => "true/false values",
        ValueKind.Date => "dates",
        _ => Underlying(element).Name,
    };
}
