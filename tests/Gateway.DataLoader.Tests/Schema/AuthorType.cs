using Gateway.DataLoader.Tests.Model;
using GraphQL.Types;

namespace Gateway.DataLoader.Tests.Schema;

public sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        Field(author => author.Id);
        Field(author => author.Name);
    }
}
