using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

/// <summary>What the Reviews module adds to Customer.</summary>
public sealed class CustomerReviewFields : EntityTypeExtension<Customer>
{
    public CustomerReviewFields()
    {
        Connection<Review>("reviews", r => r.AuthorId);
    }
}
