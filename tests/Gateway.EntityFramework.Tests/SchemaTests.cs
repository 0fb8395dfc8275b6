using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Gateway.EntityFramework.Tests;

public sealed class SchemaTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private string Sdl => new SchemaPrinter(fixture.Services.GetRequiredService<ISchema>()).Print();

    [Fact]
    public void Schema_uses_hot_chocolate_names_for_connections_filters_and_sorts()
    {
        var sdl = Sdl;
        Assert.Contains("books(first: Int, after: String, last: Int, before: String, where: BookFilterInput, order: [BookSortInput!]): BooksConnection", sdl);
        Assert.Contains("type BooksEdge {\n  cursor: String!\n  node: Book!\n}", sdl);
        Assert.Contains("input ListFilterInputTypeOfReviewFilterInput {\n  all: ReviewFilterInput\n  none: ReviewFilterInput\n  some: ReviewFilterInput\n  any: Boolean\n}", sdl);
        Assert.Contains("type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: String\n  endCursor: String\n}", sdl);
        Assert.Contains("enum SortEnumType {\n  ASC\n  DESC\n}", sdl);
        Assert.Contains("type Book implements Node {", sdl);
        Assert.Contains("node(id: ID!): Node", sdl);
        Assert.Contains("nodes(ids: [ID!]!): [Node]!", sdl);
    }

    [Fact]
    public void Schema_matches_its_snapshot() => Sdl.MatchSnapshot();

    [Fact]
    public void Filter_and_sort_inputs_leave_out_opted_out_fields()
    {
        var schema = fixture.Services.GetRequiredService<ISchema>();
        var filter = (IInputObjectGraphType)schema.AllTypes["BookFilterInput"]!;
        var sort = (IInputObjectGraphType)schema.AllTypes["BookSortInput"]!;
        Assert.Null(filter.GetField("secretCode"));
        Assert.Null(sort.GetField("secretCode"));
        Assert.Null(filter.GetField("sameAuthor"));
        Assert.NotNull(filter.GetField("reviews"));
        Assert.Null(sort.GetField("reviews"));
    }
}
