using System.Reflection;

namespace Charmarr.Fuzz;

/// <summary>
/// Reaches the internal parsers the targets need (the hook-tool backend's runner seam, the interfaces' wire JSON, the
/// charm's Preferences.xml and plex.tv readers) without editing the production projects: those grant
/// InternalsVisibleTo only to their own test projects. Lookups fail loudly, with the member's name, when the code moved.
/// Calls do not wrap exceptions (<see cref="BindingFlags.DoNotWrapExceptions"/>), so a target sees what production throws.
/// </summary>
internal static class Internals
{
    public const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    public static Assembly Ops => typeof(Charmarr.Ops.Backend.IJujuBackend).Assembly;

    public static Assembly Interfaces => typeof(Charmarr.Interfaces.RelationInterface).Assembly;

    public static Assembly Plex { get; } = Assembly.Load("plex-k8s");

    public static Type Type(Assembly assembly, string fullName) =>
        assembly.GetType(fullName, throwOnError: false) ?? throw new InvalidOperationException($"fuzz: type {fullName} not found in {assembly.GetName().Name}");

    public static MethodInfo Method(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, All, parameters) ?? throw new InvalidOperationException($"fuzz: method {type.Name}.{name}({string.Join(", ", parameters.Select(p => p.Name))}) not found");

    public static object? Invoke(MethodInfo method, object? target, params object?[] args) =>
        method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);

    public static object New(Type type, params object?[] args)
    {
        var constructor = type.GetConstructors(All).FirstOrDefault(c => c.GetParameters().Length == args.Length)
            ?? throw new InvalidOperationException($"fuzz: no constructor of {type.Name} with {args.Length} parameter(s)");
        return constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
    }
}
