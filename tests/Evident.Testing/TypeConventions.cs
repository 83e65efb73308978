using System.Reflection;
using System.Runtime.CompilerServices;

namespace Evident.Testing;

/// <summary>
/// The conventions every Evident library keeps for its public types (STYLE.md, "Results are values"), checked by
/// scanning a whole assembly as NodaTime's <c>MutabilityTest</c> does: a public class or record is sealed (or static, or
/// the abstract root of a closed hierarchy);
/// it has no public setter other than <c>init</c>, no field (public or private) that is not readonly, and no property
/// or public field that exposes an array. Exceptions, interfaces, enums, delegates and compiler-generated types are not values and are skipped.
/// </summary>
public static class TypeConventions
{
    /// <summary>Every breach of the conventions among the exported types of <paramref name="assembly"/>, one line each.</summary>
    /// <param name="assembly">The library to scan.</param>
    /// <param name="exempt">Types that are not values (a host, a writer with state), each with a reason kept at the call site.</param>
    public static IReadOnlyList<string> Violations(Assembly assembly, params Type[] exempt)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var skip = exempt.ToHashSet();
        var problems = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => IsValueShaped(t) && !skip.Contains(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!type.IsSealed && !IsClosedHierarchy(type)) problems.Add($"{type.FullName} is not sealed");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                    problems.Add($"{type.FullName}.{property.Name} has a public setter");
                if (property.PropertyType.IsArray)
                    problems.Add($"{type.FullName}.{property.Name} exposes an array");
            }
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                                      .Where(f => !IsCapturedPrimaryConstructorParameter(f)))
            {
                if (!field.IsInitOnly) problems.Add($"{type.FullName}.{field.Name} is a field that is not readonly");
                if (field.IsPublic && field.FieldType.IsArray) problems.Add($"{type.FullName}.{field.Name} exposes an array");
            }
        }
        return problems;
    }

    /// <summary>How many exported types of <paramref name="assembly"/> the scan checks (so a test can see it checked something).</summary>
    /// <param name="assembly">The library to scan.</param>
    public static int CheckedTypeCount(Assembly assembly) => assembly.GetExportedTypes().Count(IsValueShaped);

    private static bool IsValueShaped(Type type) =>
        (type.IsClass || (type.IsValueType && !type.IsEnum))
        && !(type.IsAbstract && type.IsSealed)
        && !typeof(Exception).IsAssignableFrom(type)
        && !typeof(Delegate).IsAssignableFrom(type)
        && !type.IsDefined(typeof(CompilerGeneratedAttribute), false);

    /// <summary>An abstract base that no other assembly can derive from (only private protected or internal constructors, besides a record's copy constructor).</summary>
    private static bool IsClosedHierarchy(Type type) =>
        type.IsAbstract && type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                               .All(c => c.IsAssembly || c.IsFamilyAndAssembly || c.IsPrivate || IsRecordCopyConstructor(c, type));

    private static bool IsRecordCopyConstructor(ConstructorInfo constructor, Type type) =>
        constructor.IsFamily && constructor.GetParameters() is [{ } only] && only.ParameterType == type;

    /// <summary>
    /// A class's primary-constructor parameter captured by the compiler (field <c>&lt;name&gt;P</c>): C# cannot mark it
    /// readonly, and the type's public surface stays immutable, so it is not reported.
    /// </summary>
    private static bool IsCapturedPrimaryConstructorParameter(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.EndsWith(">P", StringComparison.Ordinal);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
