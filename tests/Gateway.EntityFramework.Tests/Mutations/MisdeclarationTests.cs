using Gateway.EntityFramework.Tests.Model;
using Gateway.EntityFramework.Tests.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>A mutation declared wrongly stops the schema from building, with a message that names the mistake.</summary>
public sealed class MisdeclarationTests
{
    private static Exception SchemaErrorWith(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<LibraryDb>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddEntityDeclarationsFrom(typeof(LibraryFixture).Assembly);
        services.AddGraphQL(b => b.AddSchema<LibrarySchema>().AddSystemTextJson().AddEntityFramework<LibraryDb>());
        register(services);
        using var provider = services.BuildServiceProvider();
        return Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<ISchema>().Initialize());
    }

    [Fact]
    public void Two_modules_declaring_one_mutation_name_fail_at_startup()
    {
        var error = SchemaErrorWith(s => s.AddMutationFields<LibraryMutations>().AddMutationFields<DuplicateNameMutations>());
        Assert.Contains("Mutation.addReview is declared by both LibraryMutations and DuplicateNameMutations.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_global_id_of_an_unknown_node_type_fails_at_startup()
    {
        var error = SchemaErrorWith(s => s.AddMutationFields<UnknownIdTypeMutations>());
        Assert.Contains("ShelveInput.ShelfId is a global id of 'Shelf', which is no registered entity type with an id.", error.ToString(), StringComparison.Ordinal);
    }
}
