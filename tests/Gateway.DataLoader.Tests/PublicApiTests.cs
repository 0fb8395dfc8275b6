namespace Gateway.DataLoader.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_library_exports_only_its_documented_types()
    {
        var exported = typeof(BatchDataLoader<,>).Assembly.GetExportedTypes().Select(type => type.FullName).Order();

        Assert.Equal(
            [
                "Gateway.DataLoader.BatchDataLoader`2",
                "Gateway.DataLoader.DataLoaderGraphQLBuilderExtensions",
                "Gateway.DataLoader.DataLoaderOptions",
                "Gateway.DataLoader.DataLoaderResultExtensions",
                "Gateway.DataLoader.DataLoaderServiceCollectionExtensions",
                "Gateway.DataLoader.GroupDataLoader`2",
                "Gateway.DataLoader.NullableKeyExtensions",
                "Gateway.DataLoader.ProjectedBatchDataLoader`3",
                "Gateway.DataLoader.ProjectedGroupDataLoader`3",
                "Gateway.DataLoader.ResolveFieldContextExtensions",
                "Gateway.DataLoader.SelectionShape",
            ],
            exported);
    }
}
