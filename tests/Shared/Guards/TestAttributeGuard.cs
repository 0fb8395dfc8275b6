using System.Reflection;
using Xunit.Sdk;

namespace Gateway.Testing;

/// <summary>
/// Reflection over a test assembly for the guards against a silent pass: the classes that need a service (PostgreSQL,
/// Redis) and their test methods whose fact or theory attribute is not the one that skips, with a reason, where the
/// service is missing.
/// </summary>
public static class TestAttributeGuard
{
    /// <summary>The concrete test classes of the assembly that <paramref name="needsService"/> picks.</summary>
    public static List<Type> Classes(Assembly assembly, Func<Type, bool> needsService) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && TestMethods(t).Any() && needsService(t)).ToList();

    /// <summary>"Class.Method" of each test, inherited ones included, of the classes whose attribute is not allowed.</summary>
    public static List<string> Offenders(IEnumerable<Type> classes, Func<FactAttribute, bool> allowed) =>
        (from type in classes
         from method in TestMethods(type)
         where !allowed(method.GetCustomAttribute<FactAttribute>()!)
         select $"{type.Name}.{method.Name} [{method.GetCustomAttribute<FactAttribute>()!.GetType().Name}]").ToList();

    /// <summary>The types a class is given: its constructors' parameters, its fields and its class fixtures.</summary>
    public static IEnumerable<Type> Uses(Type type) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.FieldType))
            .Concat(type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
                .Select(i => i.GetGenericArguments()[0]));

    private static IEnumerable<MethodInfo> TestMethods(Type type) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public).Where(m => m.GetCustomAttribute<FactAttribute>() is not null);
}
