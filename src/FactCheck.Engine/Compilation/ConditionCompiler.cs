using System.Linq.Expressions;
using System.Reflection;
using FactCheck.Engine.Network;

namespace FactCheck.Engine.Compilation;

/// <summary>Turns the rule model's lambdas into delegates over tokens (no DynamicInvoke: parameters become token walks).</summary>
internal static class ConditionCompiler
{
    private static readonly FieldInfo ParentField = typeof(Token).GetField(nameof(Token.Parent))!;
    private static readonly FieldInfo ValueField = typeof(Token).GetField(nameof(Token.Value))!;
    private static readonly ConstructorInfo CompositeCtor = typeof(CompositeKey).GetConstructor([typeof(object[])])!;

    /// <summary>The value bound at <paramref name="level"/>, seen from a token at <paramref name="tokenLevel"/>, cast to <paramref name="type"/>.</summary>
    public static Expression Access(ParameterExpression token, int tokenLevel, int level, Type type)
    {
        Expression e = token;
        for (var i = tokenLevel; i > level; i--) e = Expression.Field(e, ParentField);
        return Cast(Expression.Field(e, ValueField), type);
    }

    public static Expression Cast(Expression objectExpression, Type type) =>
        type == typeof(object) ? objectExpression : Expression.Convert(objectExpression, type);

    public static Expression Box(Expression e) => e.Type == typeof(object) ? e : Expression.Convert(e, typeof(object));

    public static Func<object, bool> Alpha(Expression body, ParameterExpression own)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var b = Rewrite(body, new Dictionary<ParameterExpression, Expression> { [own] = Cast(fact, own.Type) });
        return Expression.Lambda<Func<object, bool>>(b, fact).Compile();
    }

    public static Func<object, object?> Selector(LambdaExpression selector)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var p = selector.Parameters[0];
        var b = Rewrite(selector.Body, new Dictionary<ParameterExpression, Expression> { [p] = Cast(fact, p.Type) });
        return Expression.Lambda<Func<object, object?>>(Box(b), fact).Compile();
    }

    /// <summary>Maps a conjunct's lambda parameters to the fact parameter (own name) or token walks (earlier names).</summary>
    public static Dictionary<ParameterExpression, Expression> Map(
        LambdaExpression lambda, string? ownName, ParameterExpression? fact, ParameterExpression? token, int tokenLevel, IReadOnlyList<Level> scope)
    {
        var map = new Dictionary<ParameterExpression, Expression>();
        foreach (var p in lambda.Parameters)
        {
            if (ownName is not null && string.Equals(p.Name, ownName, StringComparison.Ordinal))
            {
                map[p] = Cast(fact!, p.Type);
                continue;
            }
            var level = Find(scope, p.Name);
            map[p] = Access(token!, tokenLevel, level, p.Type);
        }
        return map;
    }

    public static int Find(IReadOnlyList<Level> scope, string? name)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
            if (scope[i].Name is not null && string.Equals(scope[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public static Expression Rewrite(Expression e, Dictionary<ParameterExpression, Expression> map) => new ParameterRewriter(map).Visit(e);

    /// <summary>
    /// Both sides of a join key as delegates returning the key's static type (one part) or a <see cref="CompositeKey"/>.
    /// </summary>
    public static JoinKeys Keys(IReadOnlyList<Expression> leftParts, IReadOnlyList<Expression> rightParts, ParameterExpression token, ParameterExpression fact)
    {
        var left = Key(leftParts);
        var right = Key(rightParts);
        var type = left.Type;
        var keysType = typeof(JoinKeys<>).MakeGenericType(type);
        var leftFn = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(Token), type), left, token).Compile();
        var rightFn = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object), type), right, fact).Compile();
        return (JoinKeys)Activator.CreateInstance(keysType, leftFn, rightFn)!;
    }

    private static Expression Key(IReadOnlyList<Expression> parts)
    {
        if (parts.Count == 1) return parts[0];
        // Up to seven parts: a value tuple of the parts' own types (no array, no boxing; EqualityComparer per part,
        // which agrees with == for the eligible types). More: a CompositeKey of boxed parts.
        if (parts.Count <= 7)
        {
            var types = parts.Select(x => x.Type).ToArray();
            var tuple = Type.GetType($"System.ValueTuple`{parts.Count}")!.MakeGenericType(types);
            return Expression.New(tuple.GetConstructor(types)!, parts);
        }
        var boxed = new Expression[parts.Count];
        for (var i = 0; i < boxed.Length; i++) boxed[i] = Box(parts[i]);
        return Expression.New(CompositeCtor, Expression.NewArrayInit(typeof(object), boxed));
    }

    /// <summary>Whether <c>==</c> on this type agrees with <see cref="object.Equals(object)"/> on boxed values (so it can be a hash key).</summary>
    public static bool KeyEligible(Type t, MethodInfo? method)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(float) || u == typeof(double) || u == typeof(Half)) return false;
        if (u.IsPrimitive || u.IsEnum) return method is null;
        if (u == typeof(string) || u == typeof(decimal) || u == typeof(DateTime) || u == typeof(DateTimeOffset)
            || u == typeof(TimeSpan) || u == typeof(Guid) || u == typeof(DateOnly) || u == typeof(TimeOnly))
            return true;
        if (u.IsValueType) return false;
        // A record class: the compiler generates == and Equals with the same value semantics.
        if (u.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null
            && u.GetMethod("<Clone>$") is not null)
            return true;
        // A sealed plain class: == is reference equality, which Equals keeps unless overridden.
        if (method is null && u.IsSealed)
        {
            var equals = u.GetMethod(nameof(Equals), BindingFlags.Instance | BindingFlags.Public, [typeof(object)]);
            return equals is not null && equals.DeclaringType == typeof(object);
        }
        return false;
    }
}
