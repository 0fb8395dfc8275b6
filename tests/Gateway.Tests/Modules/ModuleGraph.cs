using System.Reflection;
using System.Text.RegularExpressions;

namespace Gateway.Tests.Modules;

/// <summary>
/// The storefront's module dependencies: which module may reference which (the domain's DAG), the references found in
/// a module's source text and in its compiled types, and the cycles among them. Infrastructure namespaces (Store,
/// Auth, Rest, Schema, ...) are the composition root and may reference any module; they are not modules here.
/// </summary>
internal static partial class ModuleGraph
{
    /// <summary>
    /// The allowed dependencies. Shipping, the delivery estimates a remote service computes from products' weights and
    /// stock and from orders, is a module too: it adds fields to Catalog's and Sales' types and reads Inventory's stock.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Catalog"] = [],
        ["Customers"] = [],
        ["Reviews"] = ["Catalog", "Customers"],
        ["Inventory"] = ["Catalog"],
        ["Sales"] = ["Catalog", "Customers", "Inventory"],
        ["Wishlists"] = ["Catalog", "Customers"],
        ["Shipping"] = ["Catalog", "Inventory", "Sales"],
    };

    /// <summary>One module's reference to another, and where it was found.</summary>
    public sealed record Reference(string From, string To, string Where);

    /// <summary>
    /// The references of <paramref name="text"/>, a file of <paramref name="module"/>, to other modules of
    /// <paramref name="typesOf"/> (module → its type names, under <paramref name="root"/>): <c>using</c> and
    /// <c>global using</c> directives (static and aliases included), fully qualified names (<c>Gateway.Reviews.Review</c>)
    /// and names qualified by the module alone (<c>Reviews.Review</c>, which resolves inside namespace Gateway.*).
    /// Comments and string literals are left out; doc comments stay (a <c>cref</c> names a type).
    /// </summary>
    public static IEnumerable<Reference> InSource(string module, string file, string text, IReadOnlyDictionary<string, HashSet<string>> typesOf, string root = "Gateway")
    {
        var lines = WithoutCommentsAndStrings(text).Split('\n');
        var qualified = new Regex($@"(?<![\w.])(?:global::)?{Regex.Escape(root)}\.(\w+)\b");
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            var where = $"{file}:{i + 1}";
            foreach (Match match in qualified.Matches(line))
            {
                if (match.Groups[1].Value is var other && other != module && typesOf.ContainsKey(other))
                {
                    yield return new Reference(module, other, where);
                }
            }

            foreach (Match match in ModuleQualified.Matches(line))
            {
                var (other, name) = (match.Groups[1].Value, match.Groups[2].Value);
                if (other != module && typesOf.TryGetValue(other, out var names) && names.Contains(name))
                {
                    yield return new Reference(module, other, where);
                }
            }
        }
    }

    /// <summary>
    /// The references of <paramref name="types"/> (a module's compiled types) to other modules' types: base types,
    /// interfaces, and the types of fields, properties, events, method and constructor parameters and results,
    /// generic arguments included at any depth.
    /// </summary>
    public static IEnumerable<Reference> InTypes(IEnumerable<Type> types, string root = "Gateway")
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            if (ModuleOf(type, root) is not { } module)
            {
                continue;
            }

            var used = new List<(Type Type, string Where)>();
            if (type.BaseType is { } baseType)
            {
                used.Add((baseType, "base type"));
            }

            used.AddRange(type.GetInterfaces().Select(i => (i, "interface")));
            used.AddRange(type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()).Select(c => (c, "constraint")));
            used.AddRange(type.GetFields(all).Select(f => (f.FieldType, f.Name)));
            used.AddRange(type.GetProperties(all).Select(p => (p.PropertyType, p.Name)));
            used.AddRange(type.GetEvents(all).Where(e => e.EventHandlerType is not null).Select(e => (e.EventHandlerType!, e.Name)));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                used.AddRange(method.GetParameters().Select(p => (p.ParameterType, $"{method.Name}({p.Name})")));
                if (method is MethodInfo { ReturnType: var result })
                {
                    used.Add((result, method.Name));
                }
            }

            foreach (var (usedType, where) in used)
            {
                foreach (var part in Parts(usedType))
                {
                    if (ModuleOf(part, root) is { } other && other != module)
                    {
                        yield return new Reference(module, other, $"{type.FullName}.{where}: {part.Name}");
                    }
                }
            }
        }
    }

    /// <summary>The references that <see cref="Allowed"/> (or <paramref name="allowed"/>) does not allow.</summary>
    public static List<Reference> Disallowed(IEnumerable<Reference> references, IReadOnlyDictionary<string, string[]>? allowed = null)
    {
        allowed ??= Allowed;
        return [.. references.Where(r => !allowed.TryGetValue(r.From, out var to) || !to.Contains(r.To))];
    }

    /// <summary>Every cycle among <paramref name="edges"/>, each as "A → B → A", found by a depth-first walk.</summary>
    public static List<string> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.Distinct().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in next.Keys)
        {
            Walk([start]);
        }

        return [.. cycles];

        void Walk(List<string> path)
        {
            foreach (var to in next.GetValueOrDefault(path[^1]) ?? [])
            {
                if (to == path[0])
                {
                    // reported once, from its alphabetically first module
                    if (path.Min(StringComparer.Ordinal) == path[0])
                    {
                        cycles.Add(string.Join(" → ", path.Append(to)));
                    }
                }
                else if (!path.Contains(to))
                {
                    Walk([.. path, to]);
                }
            }
        }
    }

    /// <summary>The module a type belongs to: the namespace segment after <paramref name="root"/>, when it is a module.</summary>
    public static string? ModuleOf(Type type, string root = "Gateway") =>
        type.Namespace is { } ns && ns.StartsWith(root + ".", StringComparison.Ordinal)
            && ns[(root.Length + 1)..].Split('.')[0] is var module && Allowed.ContainsKey(module)
            ? module
            : null;

    /// <summary>A type and everything it is built from: generic arguments, array and by-ref element types.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var part in Parts(type.GetElementType()!))
            {
                yield return part;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var part in type.GetGenericArguments().SelectMany(Parts))
            {
                yield return part;
            }
        }
    }

    /// <summary><paramref name="text"/> with its line and block comments (not doc comments) and string literals blanked, lines kept.</summary>
    private static string WithoutCommentsAndStrings(string text) =>
        CommentOrString().Replace(text, m => m.Value.StartsWith("///", StringComparison.Ordinal)
            ? m.Value
            : new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    // A module name not preceded by a member access or another name, then a dot and a name: Reviews.ReviewType.
    private static readonly Regex ModuleQualified = new($@"(?<![\w.])({string.Join("|", Allowed.Keys)})\.(\w+)");

    // Raw and verbatim strings, then regular strings and chars, then comments.
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)'|//[^\\n]*|/\\*[\\s\\S]*?\\*/")]
    private static partial Regex CommentOrString();
}
