using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL.Types;

namespace Gateway.DataLoader.Tests.Schema;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Field(review => review.Id);
        Field(review => review.Rating);
        Field<AuthorType>("author")
            .Resolve(ctx => ctx.GetDataLoader<AuthorByIdLoader>().LoadAsync(ctx.Source.AuthorId));
    }
}
