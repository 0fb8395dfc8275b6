using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.Tests.Model;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>A second module declaring a mutation name that <see cref="LibraryMutations"/> already has.</summary>
public sealed class DuplicateNameMutations : MutationFields
{
    public DuplicateNameMutations() =>
        Mutation<ArchiveBookInput, Book>("addReview", (_, _) => Task.FromException<Book>(new NotSupportedException()));
}

/// <summary>An input naming a node type the schema does not have.</summary>
public sealed record ShelveInput([GlobalId("Shelf")] int ShelfId);

public sealed class UnknownIdTypeMutations : MutationFields
{
    public UnknownIdTypeMutations() =>
        Mutation<ShelveInput, Book>("shelve", (_, _) => Task.FromException<Book>(new NotSupportedException()));
}
