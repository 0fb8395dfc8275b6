using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Modules;

/// <summary>
/// Modules are boundaries: a module references only the modules the domain lets it depend on
/// (<see cref="ModuleGraph.Allowed"/>), in its source and in its compiled types, and no references form a cycle.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Type[] StorefrontTypes = typeof(Gateway.Catalog.Product).Assembly.GetTypes();

    [Fact]
    public void The_allowed_dependencies_form_a_dag()
    {
        Assert.Empty(ModuleGraph.Cycles(ModuleGraph.Allowed.SelectMany(m => m.Value.Select(to => (m.Key, to)))));
    }

    [Fact]
    public void Every_module_has_its_folder_and_namespace()
    {
        foreach (var module in ModuleGraph.Allowed.Keys)
        {
            Assert.True(Directory.Exists(ModuleFolder(module)), module);
            Assert.Contains(StorefrontTypes, t => ModuleGraph.ModuleOf(t) == module);
        }
    }

    [Fact]
    public void Module_sources_reference_only_the_modules_they_may_depend_on_and_form_no_cycle()
    {
        var references = SourceReferences();

        Assert.True(ModuleGraph.Disallowed(references) is [], Describe(ModuleGraph.Disallowed(references)));
        Assert.Empty(ModuleGraph.Cycles(references.Select(r => (r.From, r.To))));
    }

    [Fact]
    public void Module_types_expose_only_types_of_the_modules_they_may_depend_on_and_form_no_cycle()
    {
        var references = ModuleGraph.InTypes(StorefrontTypes).ToList();

        Assert.True(ModuleGraph.Disallowed(references) is [], Describe(ModuleGraph.Disallowed(references)));
        Assert.Empty(ModuleGraph.Cycles(references.Select(r => (r.From, r.To))));
        Assert.Contains(references, r => r is { From: "Reviews", To: "Catalog" }); // the scan sees references at all
    }

    // The checker itself, on small samples: each kind of reference it must catch, and what it must not mistake for one.

    [Fact]
    public void The_source_check_catches_usings_global_usings_and_qualified_names()
    {
        var typesOf = new Dictionary<string, HashSet<string>>
        {
            ["Catalog"] = ["Product"],
            ["Reviews"] = ["Review", "ReviewType"],
            ["Sales"] = ["Order"],
            ["Inventory"] = ["StockLevel"],
        };
        const string Sample = """
            global using Gateway.Sales;
            using Gateway.Reviews;
            using static Gateway.Inventory.StockLevel;
            using Stock = global::Gateway.Inventory.StockLevel;
            namespace Gateway.Catalog;
            public sealed class Product
            {
                public Gateway.Reviews.Review? Best { get; set; }
                public Reviews.ReviewType? Type { get; set; }
                // a comment naming Gateway.Sales.Order is no reference
                public string Text = "neither is Reviews.Review in a string";
                public int Count(StoreDbContext db) => db.Reviews.Count() + Sales.Count + Catalog.Product.Local;
            }
            """;

        var found = ModuleGraph.InSource("Catalog", "Product.cs", Sample, typesOf).ToList();

        Assert.Equal(["Product.cs:1 Sales", "Product.cs:2 Reviews", "Product.cs:3 Inventory", "Product.cs:4 Inventory", "Product.cs:8 Reviews", "Product.cs:9 Reviews"],
            found.Select(r => $"{r.Where} {r.To}"));
        Assert.Equal(6, ModuleGraph.Disallowed(found).Count);
        Assert.Empty(ModuleGraph.Disallowed(ModuleGraph.InSource("Reviews", "Review.cs", "using Gateway.Catalog;\nusing Gateway.Customers;", typesOf)));
    }

    [Fact]
    public void The_type_check_catches_members_bases_and_generic_arguments_of_another_module()
    {
        const string Root = "Gateway.Tests.Modules.Samples";

        var found = ModuleGraph.InTypes([typeof(Samples.Catalog.Product), typeof(Samples.Catalog.ProductList), typeof(Samples.Reviews.Review)], Root).ToList();

        var disallowed = ModuleGraph.Disallowed(found);
        Assert.All(disallowed, r => Assert.Equal(("Catalog", "Reviews"), (r.From, r.To)));
        Assert.Contains(disallowed, r => r.Where.Contains("Catalog.Product.Best:", StringComparison.Ordinal));
        Assert.Contains(disallowed, r => r.Where.Contains("Catalog.Product.Rate(review): Review", StringComparison.Ordinal));
        Assert.Contains(disallowed, r => r.Where.Contains("Catalog.ProductList.base type: Review", StringComparison.Ordinal));
        Assert.Contains(found, r => r is { From: "Reviews", To: "Catalog" });
    }

    [Fact]
    public void The_cycle_check_finds_each_cycle_once()
    {
        Assert.Equal(["Catalog → Reviews → Catalog", "Inventory → Sales → Wishlists → Inventory"],
            ModuleGraph.Cycles([("Reviews", "Catalog"), ("Catalog", "Reviews"), ("Sales", "Wishlists"), ("Wishlists", "Inventory"), ("Inventory", "Sales"), ("Sales", "Catalog")]));
        Assert.Empty(ModuleGraph.Cycles([("Reviews", "Catalog"), ("Sales", "Catalog"), ("Sales", "Inventory"), ("Inventory", "Catalog")]));
    }

    private static List<ModuleGraph.Reference> SourceReferences()
    {
        var typesOf = ModuleGraph.Allowed.Keys.ToDictionary(m => m, m => StorefrontTypes
            .Where(t => ModuleGraph.ModuleOf(t) == m).Select(t => t.Name.Split('`')[0]).ToHashSet());
        return [.. ModuleGraph.Allowed.Keys.SelectMany(module => Directory
            .EnumerateFiles(ModuleFolder(module), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ModuleGraph.InSource(module, Path.GetRelativePath(ContractPaths.RepositoryRoot, file), File.ReadAllText(file), typesOf)))];
    }

    private static string ModuleFolder(string module) => Path.Combine(ContractPaths.RepositoryRoot, "src", "Gateway", module);

    private static string Describe(IEnumerable<ModuleGraph.Reference> references) =>
        "References outside the module DAG:\n" + string.Join("\n", references.Select(r => $"{r.From} → {r.To} at {r.Where}"));
}
