using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

public sealed class ReviewType : EntityType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Id(r => r.Id);
        Reference(r => r.Product);
        Reference(r => r.Author);
        Field(r => r.Rating).Description("1 to 5 stars.");
        Field(r => r.Title);
        Field(r => r.Body).NotFilterable().NotSortable();
        Field(r => r.CreatedAt);
    }
}
