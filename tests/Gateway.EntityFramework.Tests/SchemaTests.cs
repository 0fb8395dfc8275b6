using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests;

public sealed class SchemaTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public void Schema_uses_hot_chocolate_names_for_connections_filters_and_sorts()
    {
        var schema = fixture.Services.GetRequiredService<ISchema>();
        var sdl = new SchemaPrinter(schema).Print();
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "ef-schema.graphql"), sdl);
        Assert.Contains("type BooksConnection", sdl);
        Assert.Contains("type BooksEdge", sdl);
        Assert.Contains("input BookFilterInput", sdl);
        Assert.Contains("input StringOperationFilterInput", sdl);
        Assert.Contains("input ListFilterInputTypeOfReviewFilterInput", sdl);
        Assert.Contains("enum SortEnumType", sdl);
        Assert.Contains("interface Node", sdl);
    }
}
