using Microsoft.Extensions.DependencyInjection;
using Gateway.EntityFramework.Tests.Model;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Tests.Schema;

public sealed class PublisherType : EntityType<Publisher>
{
    public PublisherType()
    {
        Name = "Publisher";
        Id(p => p.Id);
        RowRule(LibraryRowRules.Publishers);
        Field(p => p.Name);
        List(p => p.Authors);
    }
}

public sealed class AuthorType : EntityType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        Id(a => a.Id);
        RowRule(LibraryRowRules.Authors);
        Field(a => a.Name);
        Field(a => a.Email).Authorize("self");
        Field(a => a.Born);
        Reference(a => a.Publisher);
        Connection("books", a => a.Books);
        // not a navigation of reviews, and limited by its own Take: a row rule on Review must go below the limit
        List<Review>("bestReviewsOfBooks", args => a => a.Books.SelectMany(b => b.Reviews)
                .OrderByDescending(r => r.Stars).ThenBy(r => r.Id).Take(args.Get("first", 3)))
            .Argument(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 3 });
    }
}

public sealed class BookType : EntityType<Book>
{
    public BookType()
    {
        Name = "Book";
        Id(b => b.Id);
        RowRule(LibraryRowRules.Books);
        Field(b => b.Title);
        Field(b => b.Isbn);
        Field(b => b.Subtitle);
        Field(b => b.Price);
        Field(b => b.Pages);
        Field(b => b.Weight);
        Field(b => b.Genre);
        Field(b => b.InPrint);
        Field(b => b.PublishedAt);
        Field("secretCode", b => b.Isbn + "-secret").NotFilterable().NotSortable();
        Reference(b => b.Author);
        List(b => b.Chapters);
    }
}

/// <summary>Fields another module adds to Book.</summary>
public sealed class BookReviewFields : EntityTypeExtension<Book>
{
    public BookReviewFields()
    {
        Connection("reviews", b => b.Reviews);
        Embedded<BookStatsType>("stats");
        List<Book>("sameAuthor", args => b => b.Author.Books.OrderBy(o => o.Id).Take(args.Get("first", 2) + 1))
            .ExcludeParent(args => args.Get("first", 2))
            .Argument(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 2 });
        Field<NonNullGraphType<StringGraphType>, int>("externalLabel", b => b.Id, (_, id) => ValueTask.FromResult<object?>($"label-{id}"));
    }
}

public sealed class BookStatsType : EmbeddedType<Book>
{
    public BookStatsType()
    {
        Name = "BookStats";
        Field("average", b => b.Reviews.Average(r => (double?)r.Stars));
        Field("count", b => b.Reviews.Count());
    }
}

public sealed class ChapterType : EntityType<Chapter>
{
    public ChapterType()
    {
        Name = "Chapter";
        Id(c => c.Id);
        Field(c => c.Number);
        Field(c => c.Title);
    }
}

public sealed class ReviewType : EntityType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Id(r => r.Id);
        RowRule(LibraryRowRules.Reviews);
        Field(r => r.Stars);
        Field(r => r.Text);
        Field(r => r.CreatedAt);
        Reference(r => r.Reviewer);
        Reference(r => r.Book);
    }
}

public sealed class LibraryQueries : EntityQueries<LibraryDb>
{
    public LibraryQueries()
    {
        Connection("books", db => db.Books);
        Connection("authors", db => db.Authors);
        Connection("reviews", db => db.Reviews);
        List("publishers", db => db.Publishers);
        List("allBooks", db => db.Books);
        Single("book", (db, args) => db.Books.Where(b => b.Isbn == args.Get<string>("isbn", "")))
            .Argument(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "isbn" });
    }
}

public sealed class LibrarySchema : GraphQL.Types.Schema
{
    public LibrarySchema(IServiceProvider services)
        : base(services)
    {
        var query = services.GetRequiredService<EntityQueryType>();
        // a hand-written field (as a mutation payload would have) reusing the projection through a CLR type reference
        query.Field<BookType>("manualBook")
            .Argument<NonNullGraphType<StringGraphType>>("isbn")
            .ResolveAsync(ctx => EntityQuery.SingleAsync<LibraryDb, Book>(ctx, db => db.Books.Where(b => b.Isbn == ctx.GetArgument<string>("isbn"))));
        query.Field<NonNullGraphType<ListGraphType<BookType>>>("booksByKey")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("keys")
            .ResolveAsync(async ctx => await ctx.LoadEntitiesAsync<Book>(ctx.GetArgument<List<int>>("keys").Cast<object>()));
        Query = query;
    }
}
