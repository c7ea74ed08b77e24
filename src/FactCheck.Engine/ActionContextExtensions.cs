namespace FactCheck.Engine;

/// <summary>Typed access to an action's bindings.</summary>
public static class ActionContextExtensions
{
    /// <summary>The value bound to <paramref name="name"/>, cast to <typeparamref name="T"/>.</summary>
    /// <remarks>
    /// An extension over <see cref="IActionContext.Get(string)"/> rather than a generic interface method: a generic
    /// virtual call costs a runtime lookup on every firing.
    /// </remarks>
    public static T Get<T>(this IActionContext context, string name) => (T)context.Get(name)!;
}
